using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Bench;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Tests.Supervision;

/// <summary>The threshold-evasion signals on a generated year: amounts spread smoothly around each model decision raise no alarm;
/// a cluster planted just below one rule's threshold is found, and only it; a party's decisions split to stay under a threshold
/// are found within the window (the party however its name was spaced) and not beyond it.</summary>
public sealed class ThresholdEvasionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 12, 31);
    private static readonly CatalogueSet Catalogues = Samples.Workspace.ToCatalogueSet();
    private static readonly Lazy<List<ObservedDecision>> Year = new(() => SmoothYear(6_000));

    [Fact]
    public void AGeneratedYear_WithoutEvasion_RaisesNoAlarm()
    {
        var (bunching, splits) = ThresholdEvasion.Find(Year.Value, Catalogues, Today, new EvasionOptions { Significance = 1 });
        foreach (var nearest in bunching.Take(3))
        {
            output.WriteLine($"closest to an alarm: {nearest.Department} {nearest.RuleId}: {nearest.Below} below, {nearest.Above} above, p = {nearest.PValue:0.000}");
        }

        (bunching, splits) = ThresholdEvasion.Find(Year.Value, Catalogues, Today);
        Assert.True(Year.Value.Count > 5_000);
        Assert.Empty(bunching);
        Assert.Empty(splits);
    }

    [Fact]
    public void AClusterPlantedJustBelowAThreshold_IsFound_WithItsCases()
    {
        var (_, rule, comparison, model) = DecidingThreshold("scjg");
        var planted = Enumerable.Range(0, 30)
            .Select(n => Observe(model, comparison.Fact, comparison.Threshold * (0.91m + (n % 9 * 0.01m)), $"PLANTED-{n:D3}", null, new DateOnly(2026, 4, 1).AddDays(n * 7), 900_000 + n))
            .ToList();

        var (bunching, _) = ThresholdEvasion.Find(Year.Value.Concat(planted), Catalogues, Today);

        var signal = Assert.Single(bunching);
        output.WriteLine($"{signal.RuleId} {signal.Threshold}: {signal.Below} below, {signal.Above} above, share {signal.ShareBelow:0.000} against {signal.ExpectedShareBelow:0.000}, p = {signal.PValue:0.00E+0}");
        Assert.Equal(("scjg", rule.Id), (signal.Department, signal.RuleId));
        Assert.True(signal.Below >= 30 && signal.ShareBelow > signal.ExpectedShareBelow + 0.3, $"{signal.Below} below, {signal.Above} above, {signal.ExpectedShareBelow:0.00} expected");
        Assert.True(signal.PValue < 1e-6);
        Assert.Superset(planted.Select(p => p.CaseId).ToHashSet(), signal.Cases.Select(c => c.CaseId).ToHashSet());
        Assert.Contains(planted[0].Sequence, signal.Cases.Select(c => c.Sequence));
    }

    [Fact]
    public void APartysDecisionsThatTogetherCrossAThreshold_WithinTheWindow_AreFound()
    {
        var (_, rule, comparison, model) = DecidingThreshold("scjg");
        var third = decimal.Round(comparison.Threshold * 0.4m);
        var split = new[] { 0, 20, 45 }.Select((days, n) => Observe(model, comparison.Fact, third, $"SPLIT-{n}", "桓台县某某食品有限公司", new DateOnly(2026, 5, 4).AddDays(days), 800_000 + n)).ToList();
        var spread = new[] { 0, 120, 240 }.Select((days, n) => Observe(model, comparison.Fact, third, $"SPREAD-{n}", "桓台县另一食品有限公司", new DateOnly(2026, 1, 5).AddDays(days), 810_000 + n)).ToList();
        var differentlyWritten = Observe(model, comparison.Fact, third, "SPLIT-3", " 桓台县某某\u200B食品有限公司\u3000", new DateOnly(2026, 5, 30), 800_003);

        var (_, splits) = ThresholdEvasion.Find(Year.Value.Concat(split).Concat(spread).Append(differentlyWritten), Catalogues, Today);

        var signal = Assert.Single(splits, s => s.RuleId == rule.Id);
        Assert.Equal("桓台县某某食品有限公司", signal.Party);
        Assert.Equal(["SPLIT-0", "SPLIT-1", "SPLIT-3", "SPLIT-2"], signal.Cases.Select(c => c.CaseId));
        Assert.Equal(third * 4, signal.Total);
        Assert.DoesNotContain(splits, s => s.Party.Contains("另一", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, 10, 0.5, 0.623)]
    [InlineData(0, 10, 0.5, 1.0)]
    [InlineData(30, 35, 0.5, 0.0000097)]
    public void UpperTail_IsTheBinomialTail(int k, int n, double p, double expected) =>
        Assert.Equal(expected, ThresholdEvasion.UpperTail(k, n, p), 2);

    // A year of generated decisions whose amounts spread smoothly (log-normal) around their models' amounts: what a department's
    // amounts look like when nobody aims below a threshold.
    private static List<ObservedDecision> SmoothYear(int count)
    {
        var random = new Random(7);
        var observed = new List<ObservedDecision>();
        var sequence = 1L;
        foreach (var line in DecisionYear.Generate(Samples.Workspace.Catalogues, count, 2026))
        {
            var decision = JsonNode.Parse(line)!.AsObject();
            var catalogue = Samples.Catalogue((string)decision["department"]!);
            foreach (var (key, value) in decision["facts"]!.AsObject().ToList())
            {
                if (catalogue.Schema.TryGetFact(key, out var fact) && fact.Type == FactType.Money
                    && decimal.TryParse((string?)value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0)
                {
                    var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    decision["facts"]![key] = decimal.Round(amount * (decimal)Math.Exp(0.6 * normal) / 10m, MidpointRounding.AwayFromZero) * 10m + "";
                }
            }

            observed.Add(new ObservedDecision(
                (string)decision["department"]!, (string)decision["caseId"]!, (string)decision["action"]!, null,
                DateOnly.Parse((string)decision["proposedOn"]!, CultureInfo.InvariantCulture), decision.ToJsonString(), sequence++, false, "unknown", []));
        }

        return observed;
    }

    // A rule of the department, one of its money thresholds, and a test decision in which that threshold alone decides the rule.
    private static (Classifier Classifier, Rule Rule, AmountComparison Comparison, BoundDecision Model) DecidingThreshold(string department)
    {
        var classifier = Catalogues.InForce(department, Today)!;
        foreach (var rule in classifier.Catalogue.Rules)
        {
            foreach (var comparison in ConditionFacts.AmountComparisons(rule.Condition).Where(c => c.Fact.Type == FactType.Money && c.Operator == ComparisonOperator.GreaterOrEqual))
            {
                var model = classifier.Catalogue.Tests.Select(t => t.Decision).FirstOrDefault(d => d.Procedure == Procedure.General && rule.Actions.Contains(d.Action)
                    && classifier.Match(d.With(comparison.Fact, new AmountValue(comparison.Threshold))).Any(r => r.Id == rule.Id)
                    && !classifier.Match(d.With(comparison.Fact, new AmountValue(comparison.Threshold - 0.01m))).Any(r => r.Id == rule.Id));
                if (model is not null)
                {
                    return (classifier, rule, comparison, model);
                }
            }
        }

        throw new InvalidOperationException($"{department} has no rule whose money threshold a test decision isolates.");
    }

    private static ObservedDecision Observe(BoundDecision model, FactDefinition fact, decimal amount, string caseId, string? party, DateOnly on, long sequence)
    {
        var json = JsonNode.Parse(DecisionCanonicalForm.ToJson(model.With(fact, new AmountValue(decimal.Round(amount)))))!.AsObject();
        json["caseId"] = caseId;
        json["proposedOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (party is not null)
        {
            json["party"] = party;
        }

        return new ObservedDecision(model.Department, caseId, model.Action.ToWire(), party, on, json.ToJsonString(), sequence, true, "minor", []);
    }
}
