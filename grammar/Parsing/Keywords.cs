namespace Fashen.Grammar.Parsing;

/// <summary>Facts about the language's keywords that other layers need for helpful messages.</summary>
public static class Keywords
{
    // Chinese keywords that people tend to write without a space next to a name.
    private static readonly string[] Glueable = ["以上", "以下", "以内", "超过", "不满", "不属于", "属于", "包含任一", "包含", "仅限", "只含", "并且", "或者", "且", "或", "非"];

    /// <summary>Gets every keyword; a test keeps this list equal to the keywords of Threshold.g4.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "any", "of", "contains", "only", "between", "always", "true", "false",
        "且", "并且", "或", "或者", "非", "属于", "不属于", "包含任一", "包含", "仅限", "只含", "介于", "至", "和", "之间", "一律", "是", "否",
        "以上", "以下", "以内", "超过", "不满", "含", "含本数", "不含", "不含本数",
        "均含本数", "以上数额含本数", "以上均含本数", "以上数额均含本数", "均不含本数", "以上数额不含本数", "以上均不含本数", "以上数额均不含本数",
        "倍", "的",
        "不低于", "不少于", "达到", "大于等于", "不超过", "不高于", "不多于", "小于等于", "高于", "大于", "多于", "低于", "小于", "少于",
    };

    /// <summary>Gets the comparison words the language does not use, each with the symbol to write instead. The law's drafting
    /// words (以上、以下、超过、不满) say whether the number is included; these leave readers to guess, so catalogues keep to the law's.</summary>
    public static IReadOnlyDictionary<string, string> UnsupportedComparatives { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["不低于"] = ">=", ["不少于"] = ">=", ["达到"] = ">=", ["大于等于"] = ">=",
        ["不超过"] = "<=", ["不高于"] = "<=", ["不多于"] = "<=", ["小于等于"] = "<=",
        ["高于"] = ">", ["大于"] = ">", ["多于"] = ">",
        ["低于"] = "<", ["小于"] = "<", ["少于"] = "<",
    };

    /// <summary>Gets a value indicating whether a word is a keyword of the language, so it cannot be a name.</summary>
    /// <param name="word">The word.</param>
    /// <returns>True for a keyword.</returns>
    public static bool IsKeyword(string word) => All.Contains(word);

    /// <summary>Suggests a space when a word is a keyword glued to a name, such as "个人罚款以上" or "非疑难复杂".</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="isName">Tells whether the rest of the word is a known name; null accepts any rest.</param>
    /// <returns>A hint sentence, or an empty string when the word has no keyword at its edges.</returns>
    public static string SuggestSpacing(string word, Func<string, bool>? isName = null) => Glued(word, isName) switch
    {
        null => string.Empty,
        { Before: true } g => $"中文关键词要用空格与名称隔开：如果本意是“{g.Spaced}”，请在“{g.Keyword}”后加一个空格。",
        { } g => $"中文关键词要用空格与名称隔开：如果本意是“{g.Spaced}”，请在“{g.Keyword}”前加一个空格。",
    };

    /// <summary>Gets the word with a space between a name and the keyword glued to it ("个人罚款以上" → "个人罚款 以上").</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="isName">Tells whether the rest of the word is a known name; null accepts any rest.</param>
    /// <returns>The spaced text, or null when the word has no keyword at its edges.</returns>
    public static string? Spaced(string word, Func<string, bool>? isName = null) => Glued(word, isName)?.Spaced;

    private static (string Spaced, string Keyword, bool Before)? Glued(string word, Func<string, bool>? isName)
    {
        foreach (var keyword in Glueable)
        {
            if (word.Length <= keyword.Length)
            {
                continue;
            }

            if (word.EndsWith(keyword, StringComparison.Ordinal) && (isName?.Invoke(word[..^keyword.Length]) ?? true))
            {
                return ($"{word[..^keyword.Length]} {keyword}", keyword, false);
            }

            if (word.StartsWith(keyword, StringComparison.Ordinal) && (isName?.Invoke(word[keyword.Length..]) ?? true))
            {
                return ($"{keyword} {word[keyword.Length..]}", keyword, true);
            }
        }

        return null;
    }
}
