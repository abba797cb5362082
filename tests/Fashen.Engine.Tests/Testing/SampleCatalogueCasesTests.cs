using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
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

    [Fact]
    public void Run_EveryThresholdOfTheSamples_IsTestedAtBelowAndAbove()
    {
        // Boundary cases at, just below (−0.01 元) and just above (+0.01 元) every money threshold
        // a rule compares with: each must appear among the catalogue's own test decisions.
        foreach (var catalogue in Samples.Workspace.Catalogues)
        {
            var tested = catalogue.Tests
                .SelectMany(t => t.Decision.GivenFacts())
                .Where(f => f.Value is AmountValue)
                .Select(f => (f.Fact.Key, ((AmountValue)f.Value).Value))
                .ToHashSet();
            foreach (var comparison in catalogue.Rules.SelectMany(r => Comparisons(r.Condition)).Where(c => c.Fact.Type == FactType.Money))
            {
                foreach (var value in new[] { comparison.Threshold - 0.01m, comparison.Threshold, comparison.Threshold + 0.01m })
                {
                    Assert.True(tested.Contains((comparison.Fact.Key, value)), $"{catalogue.Id}: no test with {comparison.Fact.Label} = {value}");
                }
            }
        }
    }

    private static IEnumerable<AmountComparison> Comparisons(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(Comparisons),
        AnyCondition any => any.Operands.SelectMany(Comparisons),
        NotCondition not => Comparisons(not.Operand),
        AmountComparison comparison => [comparison],
        _ => [],
    };
}
