using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Testing;

namespace Fashen.Engine.Tests.Testing;

/// <summary>The embedded test cases of every sample catalogue are the engine's case corpus.</summary>
public class SampleCatalogueCasesTests
{
    public static TheoryData<string> Departments() => new(Samples.Workspace.Catalogues.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Departments))]
    public void Run_SampleCatalogue_EveryCasePasses(string department)
    {
        var results = CatalogueTestRunner.Run(Samples.Classifier(department));

        Assert.NotEmpty(results);
        var failures = results.Where(r => !r.Passed).Select(r => $"{r.Case.Span}: {r.Case.Name}: {string.Join("; ", r.Failures)}");
        Assert.Empty(failures);
    }

    [Fact]
    public void Run_WrongExpectation_ReportsExpectedAgainstActual()
    {
        var classifier = Samples.Classifier("scjg");
        var test = classifier.Catalogue.Tests.First(t => t.Expected.RuleIds is ["SC-P-02"]);
        var wrong = test with { Expected = test.Expected with { Classification = ClassificationKind.Minor, RuleIds = [] } };

        var result = CatalogueTestRunner.Run(classifier, wrong);

        Assert.False(result.Passed);
        Assert.Equal(
            [
                "结论：期望 minor（非重大执法决定），实际 major（重大执法决定）",
                "命中条目：期望 []，实际 [SC-P-02]",
            ],
            result.Failures);
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public void BoundaryCases_EveryThresholdOfTheSamples_GeneratedAndMatchedAsDeclared(string department)
    {
        var classifier = Samples.Classifier(department);

        var checks = BoundaryCases.Check(classifier);

        // Every comparison with an amount in the catalogue has its three points, each as declared.
        var thresholds = classifier.Catalogue.Rules.Sum(r => ConditionFacts.AmountComparisons(r.Condition).Count());
        Assert.True(checks.Count >= thresholds);
        Assert.All(checks, check => Assert.True(check.Generated, $"{check.RuleId} {check.Boundary}: no case isolates it"));
        Assert.All(checks, check => Assert.True(check.Passed, $"{check.RuleId} {check.Boundary}: {string.Join("; ", check.Points)}"));
    }

    [Fact]
    public void BoundaryCases_InclusiveAndExclusiveThresholds_DifferExactlyAtTheAmount()
    {
        var checks = BoundaryCases.Check(Samples.Classifier("scjg"));

        // SC-P-02: 罚款金额 超过 个人罚没档 (1万元, 不含本数); SC-P-04: 食药特单位罚款档 5万元以上（含5万元）.
        var exclusive = checks.First(c => c.RuleId == "SC-P-02" && c.Boundary.StartsWith("罚款金额", StringComparison.Ordinal));
        var inclusive = checks.Single(c => c.RuleId == "SC-P-04");
        Assert.Equal([(9_999.99m, false), (10_000m, false), (10_000.01m, true)], exclusive.Points.Select(p => (p.Value, p.Actual)));
        Assert.Equal([(49_999.99m, false), (50_000m, true), (50_000.01m, true)], inclusive.Points.Select(p => (p.Value, p.Actual)));
    }
}
