using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Yaml;

/// <summary>A node of a YAML document with its exact place in the file.</summary>
/// <param name="Source">The file.</param>
/// <param name="Start">The offset of the node's first character in the file.</param>
/// <param name="End">The offset just past the node's last character.</param>
public abstract record YamlNode(SourceText Source, int Start, int End)
{
    /// <summary>Gets where the node is.</summary>
    public SourceSpan Span => Source.GetSpan(TextSpan.FromBounds(Start, Math.Max(End, Start + 1)));

    /// <summary>Gets the node's kind in Chinese, for messages ("文字", "映射", "列表").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: one value written as text.</summary>
/// <param name="Value">The value after YAML's own unquoting and folding.</param>
/// <param name="Style">How the scalar was written.</param>
/// <param name="Source">The file.</param>
/// <param name="Start">The offset of the first character (the quote or block indicator, if any).</param>
/// <param name="End">The offset just past the last character.</param>
public sealed record YamlScalar(string Value, YamlDotNet.Core.ScalarStyle Style, SourceText Source, int Start, int End)
    : YamlNode(Source, Start, End)
{
    /// <summary>Gets a value indicating whether the scalar is written without quotes.</summary>
    public bool IsPlain => Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;

    /// <summary>Gets a value indicating whether the scalar is YAML's null (empty, ~ or null, unquoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string KindName => "文字";
}

/// <summary>A mapping: keys and values, in the order written.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="Source">The file.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
public sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, SourceText Source, int Start, int End)
    : YamlNode(Source, Start, End)
{
    /// <summary>Finds the value of a key (the first, if repeated).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or null.</returns>
    public YamlNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <inheritdoc/>
    public override string KindName => "映射";
}

/// <summary>A sequence: items in order.</summary>
/// <param name="Items">The items.</param>
/// <param name="Source">The file.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceText Source, int Start, int End)
    : YamlNode(Source, Start, End)
{
    /// <inheritdoc/>
    public override string KindName => "列表";
}
