using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;

namespace Fashen.Engine.Testing;

/// <summary>Runs a catalogue's embedded test cases against its compiled rules.</summary>
public static class CatalogueTestRunner
{
    /// <summary>Runs every test case of a catalogue.</summary>
    /// <param name="classifier">The compiled catalogue.</param>
    /// <returns>One result per case, in the order declared.</returns>
    public static IReadOnlyList<TestCaseResult> Run(Classifier classifier) =>
        classifier.Catalogue.Tests.Select(test => Run(classifier, test)).ToList();

    /// <summary>Runs one test case.</summary>
    /// <param name="classifier">The compiled catalogue.</param>
    /// <param name="test">The case.</param>
    /// <returns>The result.</returns>
    public static TestCaseResult Run(Classifier classifier, CatalogueTestCase test)
    {
        var actual = classifier.Classify(test.Decision, ClassificationOptions.Default with { NearMisses = 0 });
        var failures = new List<string>();
        var expected = test.Expected;
        if (actual.Kind != expected.Classification)
        {
            failures.Add($"结论：期望 {expected.Classification.ToWire()}（{expected.Classification.ToChinese()}），实际 {actual.Kind.ToWire()}（{actual.Kind.ToChinese()}）");
        }

        if (expected.RuleIds is { } ruleIds)
        {
            CompareSets("命中条目", ruleIds, actual.MatchedRules.Select(r => r.Id).ToList(), failures);
        }

        if (expected.MissingFacts is { } missing)
        {
            CompareSets("缺少的事实", missing, actual.MissingFacts.Select(m => m.Key).ToList(), failures);
        }

        if (expected.FormIds is { } forms)
        {
            CompareSets("不符合的法定形式", forms, actual.Violations.Select(v => v.FormId).ToList(), failures);
        }

        return new TestCaseResult(test, actual, failures);
    }

    private static void CompareSets(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual, List<string> failures)
    {
        if (!expected.ToHashSet(StringComparer.Ordinal).SetEquals(actual))
        {
            failures.Add($"{what}：期望 [{string.Join(", ", expected)}]，实际 [{string.Join(", ", actual)}]");
        }
    }
}
