using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Engine.Changes;

/// <summary>How one catalogue set concluded a decision.</summary>
/// <param name="Kind">The classification, or null when the set could not classify it.</param>
/// <param name="Rules">The ids of the rules matched, in catalogue order.</param>
/// <param name="Version">The catalogue version used, or null.</param>
/// <param name="Problem">Why the set could not classify the decision, or null.</param>
public sealed record DecisionOutcome(ClassificationKind? Kind, IReadOnlyList<string> Rules, string? Version, string? Problem)
{
    /// <summary>Gets the outcome in a few words: 重大（SC-P-02、SC-P-03）, 非重大, 无法判定：….</summary>
    public string Summary => Kind switch
    {
        null => $"无法判定：{Problem}",
        ClassificationKind.Major => $"重大（{string.Join("、", Rules)}）",
        ClassificationKind.Minor => "非重大",
        ClassificationKind.Exempt => "简易程序",
        _ => "尚无法判定（缺少事实）",
    };

    /// <summary>Tells whether two outcomes say the same: same classification, same rules, same problem.</summary>
    /// <param name="other">The other outcome.</param>
    /// <returns>True when the same.</returns>
    public bool SameAs(DecisionOutcome other) => Kind == other.Kind && Problem == other.Problem && Rules.SequenceEqual(other.Rules);
}

/// <summary>A past decision concluded differently by the new catalogues.</summary>
/// <param name="Line">The line of the decisions file.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Department">The department id.</param>
/// <param name="Before">The old catalogues' conclusion.</param>
/// <param name="After">The new catalogues' conclusion.</param>
public sealed record DecisionImpact(int Line, string CaseId, string Department, DecisionOutcome Before, DecisionOutcome After)
{
    /// <summary>Gets the rules the decision matched before and no longer matches.</summary>
    public IEnumerable<string> NoLongerMatched => Before.Rules.Except(After.Rules);

    /// <summary>Gets the rules the decision newly matches.</summary>
    public IEnumerable<string> NewlyMatched => After.Rules.Except(Before.Rules);

    /// <summary>Gets a value indicating whether the classification itself changed (not only the rules matched).</summary>
    public bool ClassificationChanged => Before.Kind != After.Kind || Before.Problem != After.Problem;
}

/// <summary>The decisions a rule gains or loses.</summary>
/// <param name="Department">The department id.</param>
/// <param name="RuleId">The rule id; empty for changes that involve no rule (such as 尚无法判定 → 非重大).</param>
/// <param name="Title">The rule's title, from the new catalogues where it still exists.</param>
/// <param name="NoLongerMatched">How many decisions matched before and no longer do.</param>
/// <param name="NewlyMatched">How many decisions match now and did not before.</param>
/// <param name="Decisions">Those decisions, in file order.</param>
public sealed record RuleImpact(string Department, string RuleId, string Title, int NoLongerMatched, int NewlyMatched, IReadOnlyList<DecisionImpact> Decisions);

/// <summary>Every past decision a catalogue change affects.</summary>
/// <param name="Decisions">How many decisions were replayed.</param>
/// <param name="Changed">The decisions concluded differently, in file order.</param>
/// <param name="ByRule">The changes grouped by rule, most decisions first.</param>
/// <param name="Transitions">How many decisions went from one classification to another (重大 → 非重大: 12), most first.</param>
public sealed record ImpactReport(int Decisions, IReadOnlyList<DecisionImpact> Changed, IReadOnlyList<RuleImpact> ByRule, IReadOnlyList<(string From, string To, int Count)> Transitions);

/// <summary>Replays past decisions against two catalogue sets and reports every decision whose
/// classification or matched rules change: the report a legal office reads before merging a change.</summary>
/// <remarks>Built for a year of a county's decisions: each decision is bound once for every facts file (the
/// catalogues before and after a change usually share one), matched with the compiled catalogues with no
/// explanations built (<see cref="Classifier.Conclude"/>), and only a decision whose conclusion changed gets
/// its outcomes written out.</remarks>
public static class ImpactAnalysis
{
    /// <summary>Replays the decisions.</summary>
    /// <param name="before">The catalogues before the change.</param>
    /// <param name="after">The catalogues after the change.</param>
    /// <param name="decisions">The past decisions with their line numbers.</param>
    /// <param name="on">When given, every decision is classified by the versions in force on this day
    /// (to see what a new version would have done to last year's decisions); otherwise by its own governing date.</param>
    /// <returns>The report.</returns>
    public static ImpactReport Run(CatalogueSet before, CatalogueSet after, IReadOnlyList<(int Line, Decision Decision)> decisions, DateOnly? on = null)
    {
        var changed = new List<DecisionImpact>();
        foreach (var (line, decision) in decisions)
        {
            (string Hash, Result<BoundDecision> Result)? bound = null;
            var old = Conclude(before, decision, on, ref bound);
            var now = Conclude(after, decision, on, ref bound);
            if (!old.SameAs(now))
            {
                changed.Add(new DecisionImpact(line, decision.CaseId?.Text ?? $"第 {line} 行", decision.Department?.Text ?? string.Empty, old.ToOutcome(), now.ToOutcome()));
            }
        }

        var byRule = changed
            .SelectMany(c => c.NoLongerMatched.Concat(c.NewlyMatched).DefaultIfEmpty(string.Empty).Select(rule => (Rule: rule, Impact: c)))
            .GroupBy(x => (x.Impact.Department, x.Rule))
            .Select(g => new RuleImpact(
                g.Key.Department,
                g.Key.Rule,
                Title(after, before, g.Key.Department, g.Key.Rule),
                g.Count(x => x.Impact.NoLongerMatched.Contains(g.Key.Rule)),
                g.Count(x => x.Impact.NewlyMatched.Contains(g.Key.Rule)),
                g.Select(x => x.Impact).ToList()))
            .OrderByDescending(r => r.Decisions.Count)
            .ThenBy(r => r.Department, StringComparer.Ordinal)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
        var transitions = changed
            .Where(c => c.ClassificationChanged)
            .GroupBy(c => (From: Word(c.Before), To: Word(c.After)))
            .Select(g => (g.Key.From, g.Key.To, g.Count()))
            .OrderByDescending(t => t.Item3)
            .ThenBy(t => t.From, StringComparer.Ordinal)
            .ThenBy(t => t.To, StringComparer.Ordinal)
            .ToList();
        return new ImpactReport(decisions.Count, changed, byRule, transitions);
    }

    // Binds the decision only when the last binding was to a facts file with other content.
    private static Conclusion Conclude(CatalogueSet set, Decision decision, DateOnly? on, ref (string Hash, Result<BoundDecision> Result)? bound)
    {
        Classifier classifier;
        if (on is { } day && decision.Department?.Text.Trim() is { } department && set.InForce(department, day) is { } inForce)
        {
            classifier = inForce;
        }
        else
        {
            // Without "on", a past decision is placed by its own governing date; one without it cannot be placed.
            var choice = set.Choose(decision, on ?? DateOnly.MinValue);
            if (choice.Value is not { } chosen)
            {
                var undated = on is null && decision.ProposedOn is null && decision.FiledOn is null;
                return new Conclusion(null, [], null, undated ? "决定未写明日期，无法确定适用的目录版本" : choice.Diagnostics[0].Message);
            }

            classifier = chosen.Classifier;
        }

        var schema = classifier.Catalogue.Schema;
        if (bound is not { } binding || binding.Hash != schema.Source.ContentHash)
        {
            binding = (schema.Source.ContentHash, DecisionBinder.Bind(decision, schema));
            bound = binding;
        }

        if (binding.Result.Value is not { } boundDecision)
        {
            return new Conclusion(null, [], classifier.Catalogue.Version, binding.Result.Diagnostics[0].Message);
        }

        var (kind, rules) = classifier.Conclude(boundDecision.WithSchema(schema));
        return new Conclusion(kind, rules, classifier.Catalogue.Version, null);
    }

    /// <summary>A conclusion as replayed: the rules themselves, turned into an outcome only when it changed.</summary>
    private readonly record struct Conclusion(ClassificationKind? Kind, IReadOnlyList<Catalogues.Rule> Rules, string? Version, string? Problem)
    {
        public bool SameAs(Conclusion other)
        {
            if (Kind != other.Kind || Problem != other.Problem || Rules.Count != other.Rules.Count)
            {
                return false;
            }

            for (var i = 0; i < Rules.Count; i++)
            {
                if (Rules[i].Id != other.Rules[i].Id)
                {
                    return false;
                }
            }

            return true;
        }

        public DecisionOutcome ToOutcome() => new(Kind, Rules.Select(r => r.Id).ToList(), Version, Problem);
    }

    private static string Word(DecisionOutcome outcome) => outcome.Kind switch
    {
        null => "无法判定",
        ClassificationKind.Major => "重大",
        ClassificationKind.Minor => "非重大",
        ClassificationKind.Exempt => "简易程序",
        _ => "尚无法判定",
    };

    private static string Title(CatalogueSet after, CatalogueSet before, string department, string rule) =>
        after.VersionsOf(department).Concat(before.VersionsOf(department)).Reverse()
            .SelectMany(c => c.Catalogue.Rules)
            .FirstOrDefault(r => r.Id == rule)?.Title ?? string.Empty;
}
