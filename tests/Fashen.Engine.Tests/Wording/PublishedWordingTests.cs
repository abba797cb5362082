using Fashen.Catalogue.Loading;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;

namespace Fashen.Engine.Tests.Wording;

/// <summary>Rules written in the wording of published catalogues classify exactly at their boundaries, by the drafting
/// words' statutory meaning (以上/以下/以内 include the number, 超过/不满 do not, unless a note says otherwise).</summary>
public sealed class PublishedWordingTests : IDisposable
{
    private const string Catalogue = """
        department: { id: wording, name: 措辞测试局 }
        version: "2026.1"
        effective_from: 2026-01-01
        defaults: { deadline: 7 个工作日 }
        rules:
          - { id: W-RANGE, title: 二十万元以上不满五十万元, actions: [行政处罚], when: 罚款金额 二十万元以上不满五十万元, basis: [测试] }
          - { id: W-RANGE2, title: 超过2万元、5万元以下, actions: [行政处罚], when: 没收金额 超过2万元、5万元以下, basis: [测试] }
          - { id: W-MULT, title: 违法所得的三倍以上, actions: [行政处罚], when: 罚款金额 没收金额的三倍以上, basis: [测试] }
          - { id: W-SUM, title: 罚没合计十万元以上, actions: [行政处罚], when: 罚款金额 + 没收金额 十万元以上, basis: [测试] }
          - { id: W-NOTE, title: 2000元以上（以上数额含本数）, actions: [行政处罚], when: 查补税款 2000元以上（以上数额含本数）, basis: [测试] }
        tests:
          - name: 罚款为没收的六倍
            decision: { action: 行政处罚, facts: { 罚款金额: 60000, 没收金额: 10000 } }
            expect: { classification: major, rules: [W-MULT] }
          - name: 罚没合计十万元
            decision: { action: 行政处罚, facts: { 罚款金额: 90000, 没收金额: 10000 } }
            expect: { classification: major, rules: [W-MULT, W-SUM] }
        """;

    private readonly SampleCopy _copy = new();
    private readonly Classifier _classifier;
    private readonly Catalogues.Catalogue _catalogue;

    public PublishedWordingTests()
    {
        File.WriteAllText(_copy.Catalogue("wording.yaml"), Catalogue);
        var workspace = CatalogueWorkspace.Load([_copy.Catalogues], baseDirectory: _copy.Root);
        Assert.Empty(workspace.Diagnostics);
        _catalogue = workspace.ForDepartment("wording")!;
        _classifier = Classifier.Compile(_catalogue);
    }

    public void Dispose() => _copy.Dispose();

    [Theory]
    [InlineData("W-RANGE", "fine_amount", 199_999.99, false)]
    [InlineData("W-RANGE", "fine_amount", 200_000, true)]
    [InlineData("W-RANGE", "fine_amount", 499_999.99, true)]
    [InlineData("W-RANGE", "fine_amount", 500_000, false)]
    [InlineData("W-RANGE2", "confiscation_amount", 20_000, false)]
    [InlineData("W-RANGE2", "confiscation_amount", 20_000.01, true)]
    [InlineData("W-RANGE2", "confiscation_amount", 50_000, true)]
    [InlineData("W-RANGE2", "confiscation_amount", 50_000.01, false)]
    [InlineData("W-NOTE", "back_tax_amount", 1_999.99, false)]
    [InlineData("W-NOTE", "back_tax_amount", 2_000, true)]
    public void OneFact_ClassifiesAtItsBoundaries(string rule, string fact, decimal amount, bool major)
    {
        Assert.Equal(major, Matches(rule, (fact, amount)));
    }

    [Theory]
    [InlineData(29_999.99, 10_000, false)]
    [InlineData(30_000, 10_000, true)]
    [InlineData(0, 0, true)]
    [InlineData(1_500.01, 500, true)]
    [InlineData(1_499.99, 500, false)]
    public void Multiple_ClassifiesAtThreeTimesTheOtherFact(decimal fine, decimal confiscated, bool major)
    {
        Assert.Equal(major, Matches("W-MULT", ("fine_amount", fine), ("confiscation_amount", confiscated)));
    }

    [Theory]
    [InlineData(60_000, 39_999.99, false)]
    [InlineData(60_000, 40_000, true)]
    [InlineData(100_000, 0, true)]
    public void Sum_ClassifiesAtTheTotal(decimal fine, decimal confiscated, bool major)
    {
        Assert.Equal(major, Matches("W-SUM", ("fine_amount", fine), ("confiscation_amount", confiscated)));
    }

    [Fact]
    public void Sum_MissingOnePart_IsUndecided_AndTheExplanationSaysTheTotal()
    {
        var partial = Decision(("fine_amount", 120_000m));
        var result = _classifier.Classify(partial);
        Assert.Equal(ClassificationKind.Undetermined, result.Kind);
        Assert.Contains(result.MissingFacts, f => f.Key == "confiscation_amount");

        var both = _classifier.Classify(Decision(("fine_amount", 60_000m), ("confiscation_amount", 40_000m)));
        var explanation = both.MatchedRules.Single(r => r.Id == "W-SUM").Explanation;
        Assert.Equal("罚款金额 60,000 元 + 没收金额 40,000 元 = 100,000 元 ≥ 100,000 元（含本数）", explanation);
        var tripled = _classifier.Classify(Decision(("fine_amount", 60_000m), ("confiscation_amount", 20_000m)));
        Assert.Equal("罚款金额 60,000 元 ≥ 没收金额的3倍 60,000 元（含本数）", tripled.MatchedRules.Single(r => r.Id == "W-MULT").Explanation);
    }

    [Fact]
    public void Coverage_GeneratesBoundaryCasesForSumsAndMultiples_FromTheCataloguesOwnTests()
    {
        var checks = Engine.Testing.BoundaryCases.Check(_classifier).Where(c => c.RuleId is "W-SUM" or "W-MULT").ToList();

        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.Generated && c.Passed, c.Boundary));
        Assert.Equal([29_999.99m, 30_000m, 30_000.01m], checks.Single(c => c.RuleId == "W-MULT").Points.Select(p => p.Value));
        Assert.Equal([89_999.99m, 90_000m, 90_000.01m], checks.Single(c => c.RuleId == "W-SUM").Points.Select(p => p.Value));
    }

    private bool Matches(string rule, params (string Fact, decimal Amount)[] facts) =>
        _classifier.Match(Decision(facts)).Any(r => r.Id == rule);

    private BoundDecision Decision(params (string Fact, decimal Amount)[] facts)
    {
        var schema = _catalogue.Schema;
        var values = new FactValue?[schema.Facts.Count];
        foreach (var (key, amount) in facts)
        {
            Assert.True(schema.TryGetFact(key, out var fact));
            values[fact.Slot] = new AmountValue(amount);
        }

        return new BoundDecision("w", "wording", ActionKind.Penalty, Procedure.General, null, schema, values);
    }
}
