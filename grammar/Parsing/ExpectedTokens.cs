using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Fashen.Grammar.Generated;

namespace Fashen.Grammar.Parsing;

/// <summary>Describes in Chinese what the parser would have accepted, for syntax error messages.</summary>
internal static class ExpectedTokens
{
    // Listed in the order they are shown; several token types share one description.
    private static readonly (int[] Types, string Text)[] Descriptions =
    [
        ([ThresholdParser.WORD, ThresholdParser.IDENT], "名称（事实、阈值或取值）"),
        ([ThresholdParser.AMOUNT], "数额（如 5万元）"),
        ([ThresholdParser.GE, ThresholdParser.GT, ThresholdParser.LE, ThresholdParser.LT, ThresholdParser.EQ, ThresholdParser.NE], "比较运算符（>= > <= < == !=）"),
        ([ThresholdParser.ABOVE, ThresholdParser.BELOW, ThresholdParser.WITHIN], "“以上”“以下”“以内”"),
        ([ThresholdParser.OVER, ThresholdParser.UNDER], "“超过”“不满”"),
        ([ThresholdParser.IN, ThresholdParser.NOT_IN], "“属于”（in）或“不属于”"),
        ([ThresholdParser.ANY, ThresholdParser.ANY_OF, ThresholdParser.CONTAINS], "“包含任一”（any of）或“包含”"),
        ([ThresholdParser.BETWEEN], "“介于”（between）"),
        ([ThresholdParser.AND], "“且”（and）"),
        ([ThresholdParser.TO], "“至”"),
        ([ThresholdParser.OR], "“或”（or）"),
        ([ThresholdParser.NOT], "“非”（not）"),
        ([ThresholdParser.OF], "“of”"),
        ([ThresholdParser.STRING], "带引号的文字"),
        ([ThresholdParser.TRUE, ThresholdParser.FALSE], "“是”或“否”"),
        ([ThresholdParser.ALWAYS], "“一律”"),
        ([ThresholdParser.INCL, ThresholdParser.EXCL], "“含本数”或“不含本数”"),
        ([ThresholdParser.LPAREN], "左括号“（”"),
        ([ThresholdParser.RPAREN], "右括号“）”"),
        ([ThresholdParser.LBRACK], "列表“[”"),
        ([ThresholdParser.RBRACK], "列表结束“]”"),
        ([ThresholdParser.COMMA], "逗号"),
        ([ThresholdParser.BETWEEN_END], "“之间”"),
        ([TokenConstants.EOF], "条件结尾"),
    ];

    /// <summary>Describes a set of token types as a list of alternatives.</summary>
    /// <param name="expected">The token types the parser would have accepted.</param>
    /// <returns>A phrase such as "比较运算符（>= …）、“以上”“以下”“以内” 或 条件结尾".</returns>
    public static string Describe(IntervalSet expected)
    {
        var types = expected.ToList();
        var parts = Descriptions.Where(d => d.Types.Any(types.Contains)).Select(d => d.Text).ToList();
        return parts.Count switch
        {
            0 => "其他内容",
            1 => parts[0],
            _ => string.Join("、", parts.Take(parts.Count - 1)) + " 或 " + parts[^1],
        };
    }
}
