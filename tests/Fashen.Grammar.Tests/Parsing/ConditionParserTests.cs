using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Tests.Parsing;

public class ConditionParserTests
{
    private static ParseResult Parse(string text) => ConditionParser.Parse(SourceFragment.Standalone("t", text));

    private static string Tree(string text)
    {
        var result = Parse(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        return SyntaxDump.Print(result.Syntax!);
    }

    [Theory]
    [InlineData("罚款金额 >= 50000", "Compare(罚款金额 >= 50000)")]
    [InlineData("fine_amount > 5万", "Compare(fine_amount > 50000元)")]
    [InlineData("罚款金额 ≥ 5万元", "Compare(罚款金额 >= 50000元)")]
    [InlineData("罚款金额 = 0.5万元", "Compare(罚款金额 == 5000元)")]
    [InlineData("罚款金额 ≠ 1.5亿", "Compare(罚款金额 != 150000000元)")]
    [InlineData("罚款金额 < 3千元", "Compare(罚款金额 < 3000元)")]
    [InlineData("罚款金额 1万元以上", "Compare(罚款金额 >= 10000元 Above)")]
    [InlineData("罚款金额 1万元以上（不含本数）", "Compare(罚款金额 > 10000元 Above (不含))")]
    [InlineData("罚款金额 1万元以上(含本数)", "Compare(罚款金额 >= 10000元 Above (含))")]
    [InlineData("罚款金额 2万元以上（含2万元）", "Compare(罚款金额 >= 20000元 Above (含 20000元))")]
    [InlineData("罚款金额 5000元以下", "Compare(罚款金额 <= 5000元 Below)")]
    [InlineData("罚款金额 5000元以内", "Compare(罚款金额 <= 5000元 Within)")]
    [InlineData("罚款金额 5000元以下（不含本数）", "Compare(罚款金额 < 5000元 Below (不含))")]
    [InlineData("罚款金额 超过 10万元", "Compare(罚款金额 > 100000元 Over)")]
    [InlineData("罚款金额 超过10万元", "Compare(罚款金额 > 100000元 Over)")]
    [InlineData("罚款金额 不满 1000元", "Compare(罚款金额 < 1000元 Under)")]
    [InlineData("罚款金额 个人罚款 以上", "Compare(罚款金额 >= 个人罚款 Above)")]
    [InlineData("罚款金额 >= 个人罚款", "Compare(罚款金额 >= 个人罚款)")]
    [InlineData("执法层级 县 以上", "Compare(执法层级 >= 县 Above)")]
    [InlineData("罚款金额 between 20万元 and 50万元", "Between(罚款金额, 200000元, 500000元)")]
    [InlineData("罚款金额 介于 20万元 至 50万元 之间", "Between(罚款金额, 200000元, 500000元)")]
    [InlineData("当事人类型 in [法人, 非法人组织]", "In(当事人类型, [法人, 非法人组织])")]
    [InlineData("当事人类型 属于 【法人、非法人组织】", "In(当事人类型, [法人, 非法人组织])")]
    [InlineData("当事人类型 not in [自然人]", "NotIn(当事人类型, [自然人])")]
    [InlineData("当事人类型 不属于 [自然人]", "NotIn(当事人类型, [自然人])")]
    [InlineData("处罚种类 any of [责令停产停业, 吊销许可证件]", "AnyOf(处罚种类, [责令停产停业, 吊销许可证件])")]
    [InlineData("处罚种类 包含任一 [责令停产停业，吊销许可证件]", "AnyOf(处罚种类, [责令停产停业, 吊销许可证件])")]
    [InlineData("处罚种类 包含 吊销许可证件", "AnyOf(处罚种类, [吊销许可证件])")]
    [InlineData("执法事项 == \"对盗伐、滥伐林木的处罚\"", "Compare(执法事项 == \"对盗伐、滥伐林木的处罚\")")]
    [InlineData("执法事项 == “对盗伐、滥伐林木的处罚”", "Compare(执法事项 == \"对盗伐、滥伐林木的处罚\")")]
    [InlineData("听证 == 是", "Compare(听证 == true)")]
    [InlineData("hearing_held == false", "Compare(hearing_held == false)")]
    [InlineData("疑难复杂", "Flag(疑难复杂)")]
    [InlineData("一律", "Always")]
    [InlineData("always", "Always")]
    [InlineData("非 疑难复杂", "Not(Flag(疑难复杂))")]
    [InlineData("not not 疑难复杂", "Not(Not(Flag(疑难复杂)))")]
    [InlineData("非法人组织 == 是", "Compare(非法人组织 == true)")]
    [InlineData("AND_X", "Flag(AND_X)")]
    [InlineData("a AND b OR c", "Or(And(Flag(a), Flag(b)), Flag(c))")]
    public void Parse_ValidCondition_BuildsTree(string text, string expected) => Assert.Equal(expected, Tree(text));

    [Theory]
    [InlineData("a or b and c", "Or(Flag(a), And(Flag(b), Flag(c)))")]
    [InlineData("a 或 b 且 c", "Or(Flag(a), And(Flag(b), Flag(c)))")]
    [InlineData("(a or b) and c", "And(Or(Flag(a), Flag(b)), Flag(c))")]
    [InlineData("（a 或 b）且 c", "And(Or(Flag(a), Flag(b)), Flag(c))")]
    [InlineData("not a and b", "And(Not(Flag(a)), Flag(b))")]
    [InlineData("非 a 或 b", "Or(Not(Flag(a)), Flag(b))")]
    [InlineData("not (a or b)", "Not(Or(Flag(a), Flag(b)))")]
    [InlineData("a 并且 b 或者 c", "Or(And(Flag(a), Flag(b)), Flag(c))")]
    [InlineData("罚款金额 between 1 and 2 and x", "And(Between(罚款金额, 1, 2), Flag(x))")]
    public void Parse_Precedence_NotBindsTighterThanAndThanOr(string text, string expected) => Assert.Equal(expected, Tree(text));

    [Theory]
    [InlineData("罚款金额 >= 5万元且 疑难复杂", "And(Compare(罚款金额 >= 50000元), Flag(疑难复杂))")]
    [InlineData("罚款金额≥5万元", "Compare(罚款金额 >= 50000元)")]
    [InlineData("当事人类型 in [自然人]且(罚款金额 1万元以上)", "And(In(当事人类型, [自然人]), Compare(罚款金额 >= 10000元 Above))")]
    [InlineData("罚款金额\u30005万元以上", "Compare(罚款金额 >= 50000元 Above)")]
    public void Parse_NumbersAndBracketsEndWords_NoSpaceNeeded(string text, string expected) => Assert.Equal(expected, Tree(text));

    [Theory]
    [InlineData("罚款金额 五万元以上", "Compare(罚款金额 >= 50000元 Above)")]
    [InlineData("罚款金额 两万元以上", "Compare(罚款金额 >= 20000元 Above)")]
    [InlineData("罚款金额 二千元以下", "Compare(罚款金额 <= 2000元 Below)")]
    [InlineData("罚款金额 超过十万元", "Compare(罚款金额 > 100000元 Over)")]
    [InlineData("罚款金额 不满一万五千元", "Compare(罚款金额 < 15000元 Under)")]
    [InlineData("罚款金额 一百万元以上（不含本数）", "Compare(罚款金额 > 1000000元 Above (不含))")]
    [InlineData("罚款金额 >= 十万", "Compare(罚款金额 >= 100000元)")]
    [InlineData("罚款金额 壹拾万元以上", "Compare(罚款金额 >= 100000元 Above)")]
    [InlineData("罚款金额 五万元以上 且 一般程序", "And(Compare(罚款金额 >= 50000元 Above), Flag(一般程序))")]
    [InlineData("三小场所", "Flag(三小场所)")]
    [InlineData("罚款金额 2 万元以上", "Compare(罚款金额 >= 20000元 Above)")]
    [InlineData("罚款金额 500元（含500元）以上", "Compare(罚款金额 >= 500元 Above (含 500元))")]
    [InlineData("罚款金额 5000元（不含）以上", "Compare(罚款金额 > 5000元 Above (不含))")]
    [InlineData("罚款金额 五百元（含五百元）以上", "Compare(罚款金额 >= 500元 Above (含 500元))")]
    [InlineData("罚款金额 5\u3000万元以上", "Compare(罚款金额 >= 50000元 Above)")]
    [InlineData("罚款金额 >= 5 且 疑难复杂", "And(Compare(罚款金额 >= 5), Flag(疑难复杂))")]
    public void Parse_ChineseNumerals_ReadAsAmounts_NamesStayNames(string text, string expected) => Assert.Equal(expected, Tree(text));

    [Fact]
    public void Parse_ChineseNumeralReadTwoWays_IsNotAnAmount()
    {
        // 一万五 is spoken for 15,000: not read as an amount, so the condition does not parse as one.
        var result = Parse("罚款金额 一万五元以上");
        Assert.False(result.Succeeded && SyntaxDump.Print(result.Syntax!).Contains("15000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "FS1006", 1)]
    [InlineData("   ", "FS1006", 1)]
    [InlineData("罚款金额 >= ", "FS1009", 8)]
    [InlineData("罚款金额 >= 5万元 当事人类型 == 法人", "FS1001", 13)]
    [InlineData("罚款金额 @ 5", "FS1003", 6)]
    [InlineData("执法事项 == \"abc", "FS1002", 9)]
    [InlineData("执法事项 == “abc", "FS1002", 9)]
    [InlineData("罚款金额 超过 1万元（含本数）", "FS1005", 12)]
    [InlineData("罚款金额 不满 1万元（含本数）", "FS1005", 12)]
    [InlineData("x == 99999999999999999999万", "FS1004", 6)]
    [InlineData("x == 0.00001", "FS1004", 6)]
    [InlineData("(a and b", "FS1009", 9)]
    [InlineData("a and b)", "FS1001", 8)]
    [InlineData("a and and b", "FS1001", 7)]
    [InlineData("罚款金额 个人罚款以上", "FS1009", 12)]
    [InlineData("当事人类型 in [法人,", "FS1009", 14)]
    [InlineData("罚款金额 5.万元", "FS1003", 7)]
    [InlineData("罚款金额 >= 😀", "FS1003", 9)]
    public void Parse_MalformedInput_ReportsDiagnosticAtColumn(string text, string code, int column)
    {
        var result = Parse(text);
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(column, diagnostic.Span.Column);
    }

    [Fact]
    public void Parse_LoneSurrogate_ReportsFS1003WithCodeUnit()
    {
        var result = Parse("罚款金额 >= \uD800");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("FS1003", diagnostic.Code);
        Assert.Contains("U+D800", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeywordGluedToName_SuggestsASpace()
    {
        var result = Parse("罚款金额 个人罚款以上");
        Assert.Contains("如果本意是“个人罚款 以上”", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoConditionsWithoutConnective_SuggestsAnd()
    {
        var result = Parse("罚款金额 >= 5万元 当事人类型 == 法人");
        Assert.Equal(
            "此处不应出现“当事人类型”；此处应为条件结尾。两个条件之间要用“且”（and）或“或”（or）连接。",
            result.Diagnostics[0].Message);
    }

    [Fact]
    public void Parse_NestingBeyondLimit_ReportsFS1007InsteadOfOverflowingTheStack()
    {
        var deep = new string('(', 1000) + "a" + new string(')', 1000);
        var result = Parse(deep);
        Assert.Equal("FS1007", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(ConditionParser.MaxNestingDepth + 1, result.Diagnostics[0].Span.Column);
    }

    [Fact]
    public void Parse_NestingAtLimit_Parses()
    {
        var text = new string('(', ConditionParser.MaxNestingDepth) + "a" + new string(')', ConditionParser.MaxNestingDepth);
        Assert.Equal("Flag(a)", Tree(text));
    }

    [Fact]
    public void Parse_TooLong_ReportsFS1008()
    {
        var text = string.Join(" or ", Enumerable.Repeat("疑难复杂", 1000));
        Assert.Equal("FS1008", Assert.Single(Parse(text).Diagnostics).Code);
    }

    [Fact]
    public void Parse_RandomInput_NeverThrowsAndAlwaysAnswers()
    {
        // Fragments of real conditions, keywords, brackets and characters the language does not use.
        string[] pieces =
        [
            "罚款金额", "当事人类型", " ", " ", "且", "或", "非", "and", "or", "not", "in", "any", "of", "(", ")", "（", "）",
            "[", "]", ",", "、", ">=", ">", "<", "==", "!=", "≥", "5万元", "1.5亿", "0.5", "以上", "以下", "超过", "不满",
            "（含本数）", "（不含本数）", "\"", "“", "”", "介于", "至", "之间", "一律", "是", "否", "@", "#", "\n", "\t",
            "😀", "\uD800", "99999999999999999999", "法人", "包含", "包含任一",
        ];
        var random = new Random(20261128);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = Parse(text);
            Assert.True(result.Succeeded ^ (result.Diagnostics.Count > 0), $"Input: {text}");
            Assert.All(result.Diagnostics, d => Assert.Matches("^FS1[0-9]{3}$", d.Code));
        }
    }
}
