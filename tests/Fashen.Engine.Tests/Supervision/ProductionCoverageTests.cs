using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;

namespace Fashen.Engine.Tests.Supervision;

/// <summary>Catalogue coverage in production: a rule every decision of its kinds matched is called too broad, the rules nothing
/// matched unused, and a decision that matched nothing while raising a flag some rule tests for is listed under that rule.</summary>
public sealed class ProductionCoverageTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);
    private static readonly CatalogueSet Catalogues = Samples.Workspace.ToCatalogueSet();

    [Fact]
    public void ARuleEveryDecisionMatched_IsTooBroad_TheOthersOfItsKindUnused()
    {
        var classifier = Catalogues.InForce("scjg", Today)!;
        var rule = classifier.Catalogue.Rules.First(r => r.Actions.Contains(ActionKind.Penalty) && r.Condition is not AlwaysCondition);
        var model = classifier.Catalogue.Tests.First(t => t.Decision.Action == ActionKind.Penalty).Decision;
        var decisions = Enumerable.Range(0, RuleUse.MinimumForAlways)
            .Select(n => Observe(model, $"P-{n}", "major", [rule.Id], n))
            .ToList();

        var report = Assert.Single(ProductionCoverage.Report(decisions, Catalogues, Today, ["scjg"]));

        Assert.Equal(RuleUse.MinimumForAlways, report.Decisions);
        Assert.Equal([rule.Id], report.AlwaysMatching.Select(r => r.RuleId));
        Assert.DoesNotContain(rule.Id, report.Unused.Select(r => r.RuleId));
        Assert.Contains(report.Unused, u => u.OfItsKinds == RuleUse.MinimumForAlways);
        Assert.Empty(ProductionCoverage.Report(decisions.Take(RuleUse.MinimumForAlways - 1), Catalogues, Today, ["scjg"])[0].AlwaysMatching);
    }

    [Fact]
    public void ADecisionMatchingNothing_ThatRaisesAFlagARuleTests_IsListedUnderThatRule()
    {
        foreach (var classifier in Catalogues.All.Where(c => !c.Catalogue.Baseline && c.Catalogue.InForceOn(Today)))
        {
            foreach (var rule in classifier.Catalogue.Rules)
            {
                foreach (var flag in Leaves(rule.Condition).OfType<FlagCondition>())
                {
                    // A general-procedure test decision of the rule's kind that still matches nothing with the flag raised.
                    var raised = classifier.Catalogue.Tests.Select(t => t.Decision)
                        .Where(d => d.Procedure == Procedure.General && rule.Actions.Contains(d.Action))
                        .Select(d => d.With(flag.Fact, flag.Fact.Type == FactType.Judgement ? new JudgementValue(true, "承办人", "测试") : new BooleanValue(true)))
                        .FirstOrDefault(d => classifier.Match(d).Count == 0);
                    if (raised is null)
                    {
                        continue;
                    }

                    var report = ProductionCoverage.Report([Observe(raised, "GAP-1", "minor", [], 1)], Catalogues, Today, [classifier.Catalogue.Id]);

                    var group = Assert.Single(report[0].Unmatched, g => g.RuleId == rule.Id && g.Condition == ConditionWording.Describe(flag));
                    Assert.Equal("GAP-1", Assert.Single(group.Cases).CaseId);
                    return;
                }
            }
        }

        Assert.Fail("No sample rule tests a flag together with something a test decision lacks.");
    }

    private static IEnumerable<Condition> Leaves(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(Leaves),
        AnyCondition any => any.Operands.SelectMany(Leaves),
        NotCondition => [],
        _ => [condition],
    };

    private static ObservedDecision Observe(BoundDecision decision, string caseId, string classification, IReadOnlyList<string> rules, int n)
    {
        var json = JsonNode.Parse(DecisionCanonicalForm.ToJson(decision))!.AsObject();
        json["caseId"] = caseId;
        var on = new DateOnly(2026, 3, 2).AddDays(n);
        json["proposedOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ObservedDecision(decision.Department, caseId, decision.Action.ToWire(), null, on, json.ToJsonString(), 1000 + n, false, classification, rules);
    }
}
