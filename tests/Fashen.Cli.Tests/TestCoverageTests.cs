namespace Fashen.Cli.Tests;

/// <summary><c>fashen test --coverage</c>: rules no case exercises, a required coverage, and boundary cases
/// generated beside every threshold.</summary>
public sealed class TestCoverageTests : IDisposable
{
    private readonly SampleCopy _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public void Coverage_SampleCatalogues_EveryRuleMatchedAndEveryBoundaryAsDeclared()
    {
        var (exit, output, _) = Fashen.Run("test", "samples/catalogues", "--min-coverage", "100");

        Assert.Equal(0, exit);
        Assert.Contains("scjg（桓台县市场监督管理局 2026.1）：44 个用例，全部通过\n  覆盖率：12 个条目中 12 个有用例命中（100%）\n", output, StringComparison.Ordinal);
        Assert.Contains("边界用例 111 个：全部符合所声明的含/不含本数。", output, StringComparison.Ordinal);
        Assert.DoesNotContain("无法生成边界用例", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MinCoverage_RuleNoCaseMatches_FailsAndNamesTheRule()
    {
        // Take out the only case that matches SC-G-04 (其他法定情形).
        _samples.Edit("scjg.yaml", text => text[..text.IndexOf("  - name: 认定属于法律、法规、规章规定的其他情形，属重大", StringComparison.Ordinal)]);

        var (exit, output, _) = Fashen.Run("test", _samples.Catalogue("scjg.yaml"), "--min-coverage", "95");

        Assert.Equal(1, exit);
        Assert.Contains("  覆盖率：12 个条目中 11 个有用例命中（91.7%）\n    没有用例期望命中的条目：SC-G-04\n    没有用例实际命中的条目：SC-G-04\n", output, StringComparison.Ordinal);
        Assert.EndsWith("✗ scjg 2026.1 的条目覆盖率 91.7% 低于要求的 95%。\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_ThresholdNoCaseIsolates_IsReportedAsNotGenerated()
    {
        // The only case matches through the judgement, so the fine never decides the rule on its own.
        File.WriteAllText(_samples.Catalogue("demo.yaml"), """
            department: { id: demo, name: 示例局 }
            version: "2026.1"
            effective_from: 2026-01-01
            defaults: { deadline: 5 个工作日 }
            rules:
              - id: DM-P-01
                title: 罚款5万元以上或者疑难复杂的行政处罚决定
                actions: [行政处罚]
                when: 罚款金额 5万元以上 或 疑难复杂
                basis: [《中华人民共和国行政处罚法》第五十八条]
            tests:
              - name: 认定疑难复杂，属重大
                decision: { action: 行政处罚, facts: { 罚款金额: 0, 疑难复杂: { raised_by: 法制科, reason: 定性存在分歧 } } }
                expect: { classification: major, rules: [DM-P-01] }
            """);

        var (exit, output, error) = Fashen.Run("test", _samples.Catalogue("demo.yaml"), "--coverage");

        Assert.True(exit == 0, error + output);
        Assert.Contains("    无法生成边界用例：DM-P-01 罚款金额在5万元以上（含本数）——没有用例能让该数额单独决定是否命中，请补充一个恰好命中该条目的用例。", output, StringComparison.Ordinal);
        Assert.Contains("边界用例 0 个", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseNumerals_AsPublished_ClassifyAtTheirBoundaries_AndFormatAsDigits()
    {
        // The published wording, copied: 五万元以上 (含本数), 超过十万元 (不含本数), and decisions written the same way.
        File.WriteAllText(_samples.Catalogue("demo.yaml"), """
            department: { id: demo, name: 示例局 }
            version: "2026.1"
            effective_from: 2026-01-01
            defaults: { deadline: 5 个工作日 }
            rules:
              - id: DM-P-01
                title: 对单位处以五万元以上罚款的行政处罚决定
                actions: [行政处罚]
                when: 当事人类型 in [单位] 且 罚款金额 五万元以上
                basis: [《中华人民共和国行政处罚法》第五十八条]
              - id: DM-P-02
                title: 没收违法所得超过十万元的行政处罚决定
                actions: [行政处罚]
                when: 没收金额 超过十万元
                basis: [《中华人民共和国行政处罚法》第五十八条]
            tests:
              - name: 单位罚款五万元，属重大
                decision: { action: 行政处罚, facts: { 当事人类型: 法人, 罚款金额: 五万元, 没收金额: 0 } }
                expect: { classification: major, rules: [DM-P-01] }
              - name: 没收恰好十万元，不属重大
                decision: { action: 行政处罚, facts: { 当事人类型: 法人, 罚款金额: 0, 没收金额: 十万元 } }
                expect: { classification: minor }
              - name: 没收十万零一元，属重大
                decision: { action: 行政处罚, facts: { 当事人类型: 法人, 罚款金额: 0, 没收金额: 100001 } }
                expect: { classification: major, rules: [DM-P-02] }
            """);

        var (exit, output, error) = Fashen.Run("test", _samples.Catalogue("demo.yaml"), "--coverage");
        var (check, _, _) = Fashen.Run("fmt", _samples.Catalogue("demo.yaml"), "--check");
        Fashen.Run("fmt", _samples.Catalogue("demo.yaml"));
        var formatted = File.ReadAllText(_samples.Catalogue("demo.yaml"));

        Assert.True(exit == 0, error + output);
        Assert.Contains("3 个用例，全部通过", output, StringComparison.Ordinal);
        Assert.Contains("边界用例 6 个：全部符合所声明的含/不含本数。", output, StringComparison.Ordinal);
        Assert.Equal(1, check);
        Assert.Contains("罚款金额 5万元以上", formatted, StringComparison.Ordinal);
        Assert.Contains("没收金额 超过 10万元", formatted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public void MinCoverage_OutOfRange_IsAUsageError(string value)
    {
        var (exit, _, error) = Fashen.Run("test", "samples/catalogues", "--min-coverage", value);

        Assert.Equal(2, exit);
        Assert.Contains("--min-coverage 应为 0 到 100 之间的百分比。", error, StringComparison.Ordinal);
    }
}
