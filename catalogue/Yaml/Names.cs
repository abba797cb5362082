using System.Text.RegularExpressions;
using Fashen.Grammar.Parsing;

namespace Fashen.Catalogue.Yaml;

/// <summary>Rules for names and ids written in catalogue files.</summary>
internal static partial class Names
{
    /// <summary>Tells whether a name can be written bare in a condition: an ASCII identifier or a run of Chinese characters.</summary>
    public static bool IsConditionName(string name) => AsciiName().IsMatch(name) || ChineseName().IsMatch(name);

    /// <summary>Tells whether a name is a keyword of the threshold language.</summary>
    public static bool IsKeyword(string name) => Keywords.IsKeyword(name);

    /// <summary>Tells whether an id is made of letters, digits, '-' and '_'.</summary>
    public static bool IsId(string id) => Id().IsMatch(id);

    /// <summary>Tells whether a fact key is snake_case ASCII.</summary>
    public static bool IsFactKey(string key) => FactKey().IsMatch(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex AsciiName();

    [GeneratedRegex("^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$")]
    private static partial Regex ChineseName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex FactKey();
}
