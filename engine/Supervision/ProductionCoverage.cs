using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Supervision;

/// <summary>How a department's catalogue meets its decisions in production over the last twelve months.</summary>
/// <param name="Department">The department.</param>
/// <param name="Catalogue">The catalogue in force today: name and version.</param>
/// <param name="Decisions">The department's decisions read.</param>
/// <param name="Rules">Each rule of the catalogue in force: how many decisions of its kinds there were, and how many matched it.</param>
/// <param name="Unmatched">Decisions that matched no rule while carrying a fact a rule tests for (a flag raised, a kind of penalty, a
/// rank), grouped by rule and condition: where the catalogue may have a gap, or the case system a wrong fact.</param>
public sealed record CoverageReport(string Department, string Catalogue, int Decisions, IReadOnlyList<RuleUse> Rules, IReadOnlyList<UnmatchedGroup> Unmatched)
{
    /// <summary>Gets the rules no decision matched.</summary>
    public IEnumerable<RuleUse> Unused => Rules.Where(r => r.Matched == 0);

    /// <summary>Gets the rules every decision of their kinds matched, over enough decisions to mean something: probably too broad.</summary>
    public IEnumerable<RuleUse> AlwaysMatching => Rules.Where(r => r.AlwaysMatches);
}

/// <summary>One rule's use.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Title">Its wording.</param>
/// <param name="OfItsKinds">Decisions of the kinds of action it covers.</param>
/// <param name="Matched">Of those, the decisions that matched it.</param>
/// <param name="Unconditional">Whether the rule reviews every decision of its kinds by design (该类决定一律审核).</param>
public sealed record RuleUse(string RuleId, string Title, int OfItsKinds, int Matched, bool Unconditional = false)
{
    /// <summary>The fewest decisions of a rule's kinds before "always matches" is said.</summary>
    public const int MinimumForAlways = 20;

    /// <summary>Gets a value indicating whether every decision of the rule's kinds matched it, over at least <see cref="MinimumForAlways"/>,
    /// when it has a condition at all: a rule written to review every decision of its kinds is meant to.</summary>
    public bool AlwaysMatches => !Unconditional && OfItsKinds >= MinimumForAlways && Matched == OfItsKinds;
}

/// <summary>Decisions that matched nothing while meeting one condition of a rule.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleTitle">Its wording.</param>
/// <param name="Condition">The condition they meet, in words.</param>
/// <param name="Cases">The decisions.</param>
public sealed record UnmatchedGroup(string RuleId, string RuleTitle, string Condition, IReadOnlyList<SignalCase> Cases);

/// <summary>Computes <see cref="CoverageReport"/>s from the decisions the record holds.</summary>
public static class ProductionCoverage
{
    /// <summary>Reports each department whose catalogue is in force today.</summary>
    /// <param name="decisions">The decisions as last seen.</param>
    /// <param name="catalogues">The catalogues.</param>
    /// <param name="today">Today.</param>
    /// <param name="departments">The departments to report; null for all.</param>
    /// <returns>One report per department, by id.</returns>
    public static IReadOnlyList<CoverageReport> Report(IEnumerable<ObservedDecision> decisions, CatalogueSet catalogues, DateOnly today, IReadOnlyCollection<string>? departments = null)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        var since = today.AddMonths(-12);
        var recent = decisions.Where(d => d.On > since && d.On <= today).ToLookup(d => d.Department, StringComparer.Ordinal);
        var reports = new List<CoverageReport>();
        foreach (var department in catalogues.Departments.Where(d => departments is null || departments.Contains(d)))
        {
            if (catalogues.InForce(department, today) is not { } classifier || classifier.Catalogue.Baseline)
            {
                continue;
            }

            var theirs = recent[department].ToList();
            var rules = classifier.Catalogue.Rules.Select(rule =>
            {
                var ofKinds = theirs.Where(d => classifier.Catalogue.Schema.TryGetAction(d.Action, out var kind) && rule.Actions.Contains(kind)).ToList();
                return new RuleUse(rule.Id, rule.Title, ofKinds.Count, ofKinds.Count(d => d.Rules.Contains(rule.Id)), rule.Condition is AlwaysCondition);
            }).ToList();
            reports.Add(new CoverageReport(
                department, $"{classifier.Catalogue.Name} {classifier.Catalogue.Version}", theirs.Count, rules, Unmatched(theirs, catalogues)));
        }

        return reports;
    }

    // A matched-nothing decision meeting a condition that names something: a flag raised, a kind among a set, a rank. Conditions on
    // the party's type or the field, and amounts, are left out: they sort decisions into tiers, and every decision meets some tier.
    private static List<UnmatchedGroup> Unmatched(List<ObservedDecision> decisions, CatalogueSet catalogues)
    {
        var groups = new Dictionary<(string RuleId, string Condition), (string Title, List<SignalCase> Cases)>();
        foreach (var observed in decisions.Where(d => d.Rules.Count == 0 && d.Classification != "major"))
        {
            if (catalogues.InForce(observed.Department, observed.On) is not { } classifier || observed.Bind(classifier) is not { Procedure: Procedure.General } decision)
            {
                continue;
            }

            foreach (var rule in classifier.Catalogue.Rules.Where(r => r.Actions.Contains(decision.Action)))
            {
                foreach (var leaf in Telling(rule.Condition).Where(l => ConditionEvaluator.Evaluate(l, decision.Vector) == Truth.True))
                {
                    var key = (rule.Id, ConditionWording.Describe(leaf));
                    if (!groups.TryGetValue(key, out var group))
                    {
                        groups[key] = group = (rule.Title, []);
                    }

                    group.Cases.Add(new SignalCase(observed.CaseId, observed.On, 0, observed.Sequence, observed.Issued));
                }
            }
        }

        return groups.OrderByDescending(g => g.Value.Cases.Count).ThenBy(g => g.Key.RuleId, StringComparer.Ordinal)
            .Select(g => new UnmatchedGroup(g.Key.RuleId, g.Value.Title, g.Key.Condition, g.Value.Cases))
            .ToList();
    }

    private static IEnumerable<Condition> Telling(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(Telling),
        AnyCondition any => any.Operands.SelectMany(Telling),
        NotCondition => [],
        FlagCondition or SetOverlap or RankComparison => [condition],
        _ => [],
    };
}
