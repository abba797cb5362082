using System.Globalization;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Diagnostics;

/// <summary>Every diagnostic of the threshold language (codes FS1xxx). Each code is documented in
/// docs/diagnostics.md and is never reused or renumbered.</summary>
public static class GrammarDiagnostics
{
    /// <summary>FS1001: a token stands where the language does not allow it.</summary>
    /// <param name="at">Where the token is.</param>
    /// <param name="found">The token's text.</param>
    /// <param name="expected">What would have been accepted, already in words.</param>
    /// <param name="hint">An extra sentence that suggests a fix, or an empty string.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnexpectedToken(SourceSpan at, string found, string expected, string hint) => Diagnostic.Error(
        "FS1001",
        $"此处不应出现“{found}”；此处应为{expected}。{hint}",
        at);

    /// <summary>FS1002: quoted text has no closing quote.</summary>
    /// <param name="at">Where the opening quote is.</param>
    /// <param name="quote">The opening quote character.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnterminatedString(SourceSpan at, string quote) => Diagnostic.Error(
        "FS1002",
        $"引号 {quote} 没有配对的结束引号。请在文字末尾补上结束引号（“” 或 \"\" 或 ''）；引号文字不能跨行。",
        at);

    /// <summary>FS1003: a character that the language does not use.</summary>
    /// <param name="at">Where the character is.</param>
    /// <param name="character">The character.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnrecognizedCharacter(SourceSpan at, string character) => Diagnostic.Error(
        "FS1003",
        $"不支持字符“{character}”（U+{CodePoint(character).ToString("X4", CultureInfo.InvariantCulture)}）。"
        + character switch
        {
            "&" or "&&" => "条件用“且”（and）连接。",
            "|" or "||" => "条件用“或”（or）连接。",
            "!" => "否定写“非”（not）。",
            "%" or "％" => "条件中没有百分数：请写成数额，或写成另一事实的倍数（如“没收金额的0.3倍”）。",
            _ => "条件中只能使用名称、数额、引号文字、括号、逗号和运算符；请删除该字符。它是某个取值（如执法事项名称）的一部分时，把整个取值写成带引号的文字。",
        },
        at);

    /// <summary>FS1004: a number too large or with too many digits to be held exactly.</summary>
    /// <param name="at">Where the number is.</param>
    /// <param name="text">The number as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic AmountOutOfRange(SourceSpan at, string text) => Diagnostic.Error(
        "FS1004",
        $"数额“{text}”超出范围：换算为元后最多 15 位整数、4 位小数。请检查数字和单位。",
        at);

    /// <summary>FS1005: a boundary note that contradicts the drafting word it follows.</summary>
    /// <param name="at">Where the note is.</param>
    /// <param name="word">The drafting word, such as 超过.</param>
    /// <param name="note">The note as written, such as 含本数.</param>
    /// <param name="suggestion">The word that says what the author meant, such as 以上.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic BoundaryContradictsWord(SourceSpan at, string word, string note, string suggestion) => Diagnostic.Error(
        "FS1005",
        $"“{word}”与“{note}”矛盾：依照《民法典》第一千二百五十九条，“以上”“以下”“以内”包括本数，“超过”“不满”不包括本数。"
        + $"如需表达该边界，请改写为“{suggestion}”。",
        at);

    /// <summary>FS1006: the condition is empty.</summary>
    /// <param name="at">Where the condition was expected.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic EmptyCondition(SourceSpan at) => Diagnostic.Error(
        "FS1006",
        "条件为空。请写出条件，例如“罚款金额 5万元以上”；如果本目录对该类决定一律审核，请写“一律”。",
        at);

    /// <summary>FS1007: brackets or negations nested deeper than the language allows.</summary>
    /// <param name="at">Where the limit is exceeded.</param>
    /// <param name="limit">The deepest nesting allowed.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic NestingTooDeep(SourceSpan at, int limit) => Diagnostic.Error(
        "FS1007",
        $"条件嵌套过深：括号或“非”超过 {limit} 层。请拆分为多条规则，或去掉多余的括号。",
        at);

    /// <summary>FS1008: a condition longer than the language allows.</summary>
    /// <param name="at">Where the condition starts.</param>
    /// <param name="length">The condition's length in characters.</param>
    /// <param name="limit">The longest condition allowed.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic ConditionTooLong(SourceSpan at, int length, int limit) => Diagnostic.Error(
        "FS1008",
        $"条件过长：{length} 个字符，上限为 {limit} 个。请拆分为多条规则。",
        at);

    /// <summary>FS1009: the condition ends before it is complete.</summary>
    /// <param name="at">Where the condition ends.</param>
    /// <param name="expected">What would have been accepted, already in words.</param>
    /// <param name="hint">An extra sentence that suggests a fix, or an empty string.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic IncompleteCondition(SourceSpan at, string expected, string hint) => Diagnostic.Error(
        "FS1009",
        $"条件不完整：结尾处还缺少内容，此处应为{expected}。{hint}",
        at);

    /// <summary>FS1010: the multiple of a fact is not a plain number.</summary>
    /// <param name="at">Where the multiple is.</param>
    /// <param name="written">The multiple as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MultipleNotNumber(SourceSpan at, string written) => Diagnostic.Error(
        "FS1010",
        $"倍数“{written}”不是不带单位的数：倍数只能写数字或中文数字，例如“没收金额的3倍”“没收金额 * 3”。",
        at);

    /// <summary>FS1011: a range that does not start from its lower end, or whose lower end is not one fact against a number.</summary>
    /// <param name="at">Where the range is.</param>
    /// <param name="written">The range as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic RangeNotFromLowerEnd(SourceSpan at, string written) => Diagnostic.Error(
        "FS1011",
        $"不支持这样的区间：“{written}”。区间先写下限（“以上”或“超过”），再写上限（“以下”“以内”或“不满”），两端都是一个事实与数额的比较，"
        + "例如“罚款金额 20万元以上50万元以下”“罚款金额 超过20万元、不满50万元”；其他组合请用“且”连接两个比较。",
        at);

    /// <summary>FS1012: a comparison word the language does not use (不低于, 超过 is the law's word).</summary>
    /// <param name="at">Where the word is.</param>
    /// <param name="word">The word.</param>
    /// <param name="symbol">The symbol that means the same.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnsupportedComparative(SourceSpan at, string word, string symbol) => Diagnostic.Error(
        "FS1012",
        $"不支持“{word}”：它没有说明是否包括本数，条件语言只用法律的起止词。请写“{symbol}”，或按原文改用"
        + symbol switch
        {
            ">=" => "“5万元以上”",
            "<=" => "“5万元以下”",
            ">" => "“超过 5万元”",
            _ => "“不满 5万元”",
        } + "这样的写法。",
        at);

    /// <summary>FS1013 (warning): 且 and 或 mixed without brackets, which a reader may take two ways.</summary>
    /// <param name="at">Where the 且 group is.</param>
    /// <param name="group">The 且 group as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic AndOrWithoutBrackets(SourceSpan at, string group) => Diagnostic.Warning(
        "FS1013",
        $"“且”与“或”混用而未加括号，有两种读法。本语言先“且”后“或”，读作“({group})”与其他条件“或”；"
        + "如果原意是先“或”，请把“或”的部分括起来。请加括号写明其中一种。",
        at);

    // A lone surrogate (invalid UTF-16) is shown by its code unit rather than rejected.
    private static int CodePoint(string character) =>
        character.Length >= 2 && char.IsSurrogatePair(character, 0) ? char.ConvertToUtf32(character, 0) : character[0];
}
