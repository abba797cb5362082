using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Bench;
using Fashen.Catalogue.Loading;
using Fashen.Engine.Changes;
using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;
using Fashen.Engine.Tests.Classification;

namespace Fashen.Engine.Tests.Changes;

public sealed class ImpactAnalysisTests
{
    [Theory]
    [InlineData("5万元", "8万元")] // thresholds raised in six departments
    [InlineData("（含本数）", "（不含本数）")] // boundaries moved off the threshold itself
    [InlineData(" 且 ", " 或 ")] // "and" made "or": rules once undecided for want of a fact now hold, and the reverse
    [InlineData("SC-P-02", "SC-P-20")] // a rule renamed: its action kinds are replayed in full
    public void Replay_EvaluatingOnlyChangedRules_FindsExactlyWhatConcludingEveryDecisionInFullFinds(string from, string to)
    {
        // Replay skips a decision when the rules a change touched say the same of it before and after. Checked here
        // against the plain way: choose each set's version, bind, conclude every decision in full, compare.
        var before = Samples.Workspace.ToCatalogueSet();
        var after = Changed(from, to).ToCatalogueSet();
        var lines = DecisionYear.Generate(Samples.Workspace.Catalogues, 4_000, 2026).Concat(NearlyComplete(4_000));
        var decisions = DecisionLines.Read("year.jsonl", string.Join('\n', lines)).Decisions;

        foreach (var on in new DateOnly?[] { null, new DateOnly(2025, 3, 1) })
        {
            var report = ImpactAnalysis.Run(before, after, decisions, on);

            var expected = decisions
                .Select(d => (d.Line, Before: Conclude(before, d.Decision, on), After: Conclude(after, d.Decision, on)))
                .Where(d => d.Before != d.After)
                .ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(e => e.Line), report.Changed.Select(c => c.Line));
            Assert.Equal(expected.Select(e => e.Before), report.Changed.Select(c => Words(c.Before)));
            Assert.Equal(expected.Select(e => e.After), report.Changed.Select(c => Words(c.After)));
        }
    }

    [Fact]
    public void Replay_SameCatalogues_ChangesNothing()
    {
        var set = Samples.Workspace.ToCatalogueSet();
        var decisions = DecisionLines.Read("year.jsonl", string.Join('\n', DecisionYear.Generate(Samples.Workspace.Catalogues, 2_000, 2026))).Decisions;

        Assert.Empty(ImpactAnalysis.Run(set, Samples.Workspace.ToCatalogueSet(), decisions).Changed);
    }

    // Test decisions carry few facts, so most rules stay undecided either way. These carry nearly every fact, with
    // amounts at and around the thresholds, so that one missing fact decides between 非重大 and 尚无法判定.
    private static IEnumerable<string> NearlyComplete(int count)
    {
        var catalogues = Samples.Workspace.Catalogues.Where(c => !c.Baseline).ToList();
        var random = new Random(6);
        for (var n = 0; n < count; n++)
        {
            var catalogue = catalogues[random.Next(catalogues.Count)];
            var amounts = catalogue.Rules.SelectMany(r => ClassifierTests.Amounts(r.Condition)).Distinct().ToList();
            var decision = JsonNode.Parse(DecisionCanonicalForm.ToJson(ClassifierTests.RandomDecision(catalogue, amounts, random, absentOneIn: 12)))!.AsObject();
            decision["proposedOn"] = new DateOnly(2026, 1, 5).AddDays(random.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return decision.ToJsonString();
        }
    }

    private static string Conclude(CatalogueSet set, Decision decision, DateOnly? on)
    {
        var department = decision.Department?.Text.Trim() ?? string.Empty;
        var classifier = (on is { } day ? set.InForce(department, day) : null) ?? set.Choose(decision, on ?? DateOnly.MinValue).Value?.Classifier;
        if (classifier is null)
        {
            return "无法判定";
        }

        var bound = DecisionBinder.Bind(decision, classifier.Catalogue.Schema);
        if (bound.Value is null)
        {
            return "无法判定";
        }

        var (kind, rules) = classifier.Conclude(bound.Value);
        return $"{kind} {string.Join(",", rules.Select(r => r.Id))}";
    }

    private static string Words(DecisionOutcome outcome) =>
        outcome.Kind is { } kind ? $"{kind} {string.Join(",", outcome.Rules)}" : "无法判定";

    private static CatalogueWorkspace Changed(string from, string to)
    {
        var workspace = BenchmarkCorpus.LoadChanged(Repository.Root, from, to);
        Assert.False(workspace.HasErrors, string.Join("\n", workspace.Diagnostics.Select(d => d.Message)));
        return workspace;
    }
}
