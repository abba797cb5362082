using Fashen.Engine.Classification;

namespace Fashen.Engine.Testing;

/// <summary>How well a catalogue's test cases exercise its rules.</summary>
/// <param name="Rules">How many rules the catalogue has (its own and inherited).</param>
/// <param name="NeverExpected">Rules no test case names in its expected rules, in catalogue order.</param>
/// <param name="NeverMatched">Rules no test case actually matches, in catalogue order.</param>
/// <param name="Boundaries">The generated boundary cases of every threshold.</param>
public sealed record CatalogueCoverage(int Rules, IReadOnlyList<string> NeverExpected, IReadOnlyList<string> NeverMatched, IReadOnlyList<BoundaryCheck> Boundaries)
{
    /// <summary>Gets the share of rules that some test case matches, in percent (100 for a catalogue without rules).</summary>
    public decimal Percent => Rules == 0 ? 100m : Math.Round(100m * (Rules - NeverMatched.Count) / Rules, 1);

    /// <summary>Measures coverage from the results of the catalogue's test cases.</summary>
    /// <param name="classifier">The compiled catalogue.</param>
    /// <param name="results">The results of running its test cases.</param>
    /// <returns>The coverage, with the boundary cases checked.</returns>
    public static CatalogueCoverage Measure(Classifier classifier, IReadOnlyList<TestCaseResult> results)
    {
        var rules = classifier.Catalogue.Rules.Select(r => r.Id).ToList();
        var expected = results.SelectMany(r => r.Case.Expected.RuleIds ?? []).ToHashSet(StringComparer.Ordinal);
        var matched = results.SelectMany(r => r.Actual.MatchedRules.Select(m => m.Id)).ToHashSet(StringComparer.Ordinal);
        return new CatalogueCoverage(
            rules.Count,
            rules.Where(r => !expected.Contains(r)).ToList(),
            rules.Where(r => !matched.Contains(r)).ToList(),
            BoundaryCases.Check(classifier));
    }
}
