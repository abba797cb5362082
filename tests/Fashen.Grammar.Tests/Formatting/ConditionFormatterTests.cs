using Fashen.Grammar.Formatting;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Tests.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Tests.Formatting;

public class ConditionFormatterTests
{
    [Theory]
    [InlineData("罚款金额 五万元以上", "罚款金额 5万元以上（含本数）")]
    [InlineData("罚款金额 2 万元以上", "罚款金额 2万元以上（含本数）")]
    [InlineData("罚款金额 >= 一万五千元", "罚款金额 >= 15000元")]
    [InlineData("罚款金额 ≥ 5万", "罚款金额 >= 5万元")]
    [InlineData("罚款金额 1万元以上", "罚款金额 1万元以上（含本数）")]
    [InlineData("罚款金额 1万元以上(不含本数)", "罚款金额 1万元以上（不含本数）")]
    [InlineData("罚款金额 2万以上（含2万）", "罚款金额 2万元以上（含2万元）")]
    [InlineData("罚款金额 个人罚款 以上", "罚款金额 个人罚款 以上（含本数）")]
    [InlineData("罚款金额 超过10万元", "罚款金额 超过 10万元")]
    [InlineData("罚款金额 between 20万元 and 50万元", "罚款金额 介于 20万元 至 50万元 之间")]
    [InlineData("当事人类型 属于 【法人、非法人组织】", "当事人类型 in [法人, 非法人组织]")]
    [InlineData("当事人类型 不属于 [自然人]", "当事人类型 not in [自然人]")]
    [InlineData("处罚种类 包含任一 [责令停产停业，吊销许可证件]", "处罚种类 any of [责令停产停业, 吊销许可证件]")]
    [InlineData("处罚种类 包含任一 [吊销许可证件]", "处罚种类 包含 吊销许可证件")]
    [InlineData("执法事项 == \"对盗伐、滥伐林木的处罚\"", "执法事项 == “对盗伐、滥伐林木的处罚”")]
    [InlineData("听证 = true", "听证 == 是")]
    [InlineData("always", "一律")]
    [InlineData("罚款金额 20万元以上50万元以下", "罚款金额 20万元以上（含本数）、50万元以下（含本数）")]
    [InlineData("罚款金额 二十万元以上不满五十万元", "罚款金额 20万元以上（含本数）、不满 50万元")]
    [InlineData("罚款金额 超过20万元、50万元以内", "罚款金额 超过 20万元、50万元以内（含本数）")]
    [InlineData("罚款金额 没收金额的三倍以上", "罚款金额 没收金额的3倍以上（含本数）")]
    [InlineData("罚款金额 >= 3 * 没收金额", "罚款金额 >= 没收金额的3倍")]
    [InlineData("罚款金额＋没收金额 10万元以上", "罚款金额 + 没收金额 10万元以上（含本数）")]
    [InlineData("罚款金额 2000元以上（以上数额含本数）", "罚款金额 2000元以上（含本数）")]
    [InlineData("a AND b OR c", "(a 且 b) 或 c")]
    [InlineData("a 并且 (b 或者 c)", "a 且 (b 或 c)")]
    [InlineData("not (a or b)", "非 (a 或 b)")]
    [InlineData("not not 疑难复杂", "非 非 疑难复杂")]
    public void Format_GivesTheCanonicalText(string text, string expected)
    {
        Assert.Equal(expected, ConditionFormatter.Format(Parse(text)));
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Format_ParsesBackToTheSameTree_AndIsStable(string text)
    {
        var original = Parse(text);
        var formatted = ConditionFormatter.Format(original);
        var reparsed = Parse(formatted);

        // The formatter only adds the law's default（含本数）where it was left unsaid, which means the same.
        Assert.Equal(SyntaxDump.Print(original).Replace(" (含)", string.Empty, StringComparison.Ordinal), SyntaxDump.Print(reparsed).Replace(" (含)", string.Empty, StringComparison.Ordinal));
        Assert.Equal(formatted, ConditionFormatter.Format(reparsed));
    }

    [Fact]
    public void FormatLines_LongCondition_OneTopLevelOperandPerLine()
    {
        var lines = ConditionFormatter.FormatLines(Parse("当事人类型 in [单位] and (罚款金额 >= 单位罚没档 or 没收金额 >= 单位罚没档)"));

        Assert.Equal(["当事人类型 in [单位]", "且 (罚款金额 >= 单位罚没档 或 没收金额 >= 单位罚没档)"], lines);
    }

    public static TheoryData<string> Conditions() => new(
        "罚款金额 20万元以上50万元以下",
        "罚款金额 20万元（不含）以上不满50万元",
        "罚款金额 超过 个人罚款、个人罚款上限 以下",
        "罚款金额 没收金额的3倍以上",
        "罚款金额 超过 没收金额 * 2.5",
        "罚款金额 + 没收金额 + 查补税款 >= 单位罚款",
        "罚款金额 >= 50000",
        "fine_amount > 5万",
        "罚款金额 = 0.5万元",
        "罚款金额 ≠ 1.5亿",
        "罚款金额 < 3千元",
        "罚款金额 1万元以上",
        "罚款金额 1万元以上（不含本数）",
        "罚款金额 2万元以上（含2万元）",
        "罚款金额 5000元以下",
        "罚款金额 5000元以内",
        "罚款金额 5000元以下（不含本数）",
        "罚款金额 不满 1000元",
        "罚款金额 超过 个人罚款（不含本数）",
        "执法层级 县 以上",
        "罚款金额 介于 20万元 至 50万元 之间",
        "当事人类型 not in [自然人]",
        "处罚种类 包含 吊销许可证件",
        "执法事项 == “对盗伐、滥伐林木的处罚”",
        "执法事项 == \"含有“引号”的事项\"",
        "hearing_held == false",
        "非法人组织 == 是",
        "AND_X",
        "a or b and c",
        "(a or b) and c",
        "非 a 或 b",
        "not (a or b)",
        "罚款金额 between 1 and 2 and x");

    private static Syntax.ConditionSyntax Parse(string text)
    {
        var result = ConditionParser.Parse(SourceFragment.Standalone("t", text));
        Assert.True(result.Succeeded, text + ": " + string.Join("\n", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
        return result.Syntax!;
    }
}
