using System.Runtime.InteropServices;
using Fashen.Engine.Catalogues;
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
    /// <summary>Gets the classification in a word: 重大, 非重大, 简易程序, 尚无法判定, 无法判定.</summary>
    public string Word => Kind switch
    {
        null => "无法判定",
        ClassificationKind.Major => "重大",
        ClassificationKind.Minor => "非重大",
        ClassificationKind.Exempt => "简易程序",
        _ => "尚无法判定",
    };

    /// <summary>Gets the outcome in a few words: 重大（SC-P-02、SC-P-03）, 非重大, 无法判定：….</summary>
    public string Summary => Kind switch
    {
        null => $"{Word}：{Problem}",
        ClassificationKind.Major => $"{Word}（{string.Join("、", Rules)}）",
        ClassificationKind.Undetermined => $"{Word}（缺少事实）",
        _ => Word,
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
    public IReadOnlyList<string> NoLongerMatched { get; } = [.. Before.Rules.Except(After.Rules)];

    /// <summary>Gets the rules the decision newly matches.</summary>
    public IReadOnlyList<string> NewlyMatched { get; } = [.. After.Rules.Except(Before.Rules)];

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
/// <remarks>Built for a year of a county's decisions, in two steps. <see cref="Prepare"/> binds each decision
/// once for every facts file the two sets use (usually one) and reads its dates; <see cref="Replay"/> then
/// chooses the versions, evaluates only the rules the change touched (<see cref="ConclusionDelta"/>), concludes in
/// full (<see cref="Classifier.Conclude"/>, no explanations) only the decisions those rules see differently, and
/// writes out outcomes only for the decisions whose conclusion changed.</remarks>
public static class ImpactAnalysis
{
    /// <summary>Prepares and replays the decisions.</summary>
    /// <param name="before">The catalogues before the change.</param>
    /// <param name="after">The catalogues after the change.</param>
    /// <param name="decisions">The past decisions with their line numbers.</param>
    /// <param name="on">When given, every decision is classified by the versions in force on this day
    /// (to see what a new version would have done to last year's decisions); otherwise by its own governing date.</param>
    /// <returns>The report.</returns>
    public static ImpactReport Run(CatalogueSet before, CatalogueSet after, IReadOnlyList<(int Line, Decision Decision)> decisions, DateOnly? on = null) =>
        Replay(before, after, Prepare(before, after, decisions), on);

    /// <summary>Binds each decision once for every facts file the two sets use for its department, and reads its dates.</summary>
    /// <param name="before">The catalogues before the change.</param>
    /// <param name="after">The catalogues after the change.</param>
    /// <param name="decisions">The past decisions with their line numbers.</param>
    /// <returns>The decisions, ready to replay.</returns>
    public static IReadOnlyList<PastDecision> Prepare(CatalogueSet before, CatalogueSet after, IReadOnlyList<(int Line, Decision Decision)> decisions)
    {
        var prepared = new PastDecision[decisions.Count];

        // One string per department, so that replay finds a department's versions by reference.
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var (line, decision) = decisions[i];
            var department = decision.Department?.Text.Trim();
            if (department is not null && !departments.TryAdd(department, department))
            {
                department = departments[department];
            }

            var bindings = new List<(string Hash, Result<BoundDecision> Bound)>(1);
            if (department is not null)
            {
                foreach (var classifier in before.VersionsOf(department).Concat(after.VersionsOf(department)))
                {
                    var schema = classifier.Catalogue.Schema;
                    if (!bindings.Exists(b => b.Hash == schema.Source.ContentHash))
                    {
                        bindings.Add((schema.Source.ContentHash, DecisionBinder.Bind(decision, schema)));
                    }
                }
            }

            prepared[i] = new PastDecision(line, decision, department, Date(decision.ProposedOn), Date(decision.FiledOn), [.. bindings]);
        }

        return prepared;
    }

    /// <summary>Replays prepared decisions.</summary>
    /// <param name="before">The catalogues before the change.</param>
    /// <param name="after">The catalogues after the change.</param>
    /// <param name="decisions">The decisions, from <see cref="Prepare"/> with the same sets.</param>
    /// <param name="on">When given, the day whose versions classify every decision.</param>
    /// <returns>The report.</returns>
    public static ImpactReport Replay(CatalogueSet before, CatalogueSet after, IReadOnlyList<PastDecision> decisions, DateOnly? on = null)
    {
        var changed = new List<DecisionImpact>();

        // Each department's versions in both sets, found by the department string's reference (Prepare makes one
        // string per department); a string met for the first time is looked up by value.
        var versions = new Dictionary<string, DepartmentVersions>(ReferenceEqualityComparer.Instance);
        var all = decisions as PastDecision[] ?? [.. decisions];
        for (var index = 0; index < all.Length; index++)
        {
            ref readonly var past = ref all[index];
            Classifier? oldClassifier = null, newClassifier = null;
            if (past.Department is { } department)
            {
                if (!versions.TryGetValue(department, out var both))
                {
                    both = new DepartmentVersions(before.VersionsOf(department), after.VersionsOf(department));
                    versions.Add(department, both);
                }

                oldClassifier = Place(both.Before, past, on);
                newClassifier = Place(both.After, past, on);
                if (oldClassifier is not null && newClassifier is not null && Unaffected(both.Delta(oldClassifier, newClassifier), past))
                {
                    continue;
                }
            }

            var old = Conclude(before, oldClassifier, past, on);
            var now = Conclude(after, newClassifier, past, on);
            if (!old.SameAs(now))
            {
                changed.Add(new DecisionImpact(past.Line, past.Decision.CaseId?.Text ?? $"第 {past.Line} 行", past.Decision.Department?.Text ?? string.Empty, old.ToOutcome(), now.ToOutcome()));
            }
        }

        // One pass: a change may touch thousands of decisions but only a few rules.
        var groups = new Dictionary<(string Department, string Rule), (List<DecisionImpact> Decisions, int Lost, int Gained)>();
        foreach (var impact in changed)
        {
            foreach (var rule in impact.NoLongerMatched)
            {
                Count(impact, rule, lost: 1, gained: 0);
            }

            foreach (var rule in impact.NewlyMatched)
            {
                Count(impact, rule, lost: 0, gained: 1);
            }

            if (impact.NoLongerMatched.Count == 0 && impact.NewlyMatched.Count == 0)
            {
                Count(impact, string.Empty, lost: 0, gained: 0);
            }
        }

        void Count(DecisionImpact impact, string rule, int lost, int gained)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (impact.Department, rule), out _);
            (group.Decisions ??= []).Add(impact);
            group.Lost += lost;
            group.Gained += gained;
        }

        var byRule = groups
            .Select(g => new RuleImpact(g.Key.Department, g.Key.Rule, Title(after, before, g.Key.Department, g.Key.Rule), g.Value.Lost, g.Value.Gained, g.Value.Decisions))
            .OrderByDescending(r => r.Decisions.Count)
            .ThenBy(r => r.Department, StringComparer.Ordinal)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
        var transitions = changed
            .Where(c => c.ClassificationChanged)
            .GroupBy(c => (From: c.Before.Word, To: c.After.Word))
            .Select(g => (g.Key.From, g.Key.To, g.Count()))
            .OrderByDescending(t => t.Item3)
            .ThenBy(t => t.From, StringComparer.Ordinal)
            .ThenBy(t => t.To, StringComparer.Ordinal)
            .ToList();
        return new ImpactReport(decisions.Count, changed, byRule, transitions);
    }

    // True when the change certainly leaves the decision's conclusion as it was: the rules that differ say the
    // same of it in both versions (ConclusionDelta), or it could not be bound to the facts file both read.
    private static bool Unaffected((ConclusionDelta Delta, string Hash) between, in PastDecision past)
    {
        var (delta, hash) = between;
        if (!delta.Comparable)
        {
            return false;
        }

        if (hash == past.FirstHash)
        {
            return past.FirstFacts is not var (procedure, action, vector) || delta.SameConclusion(procedure, action, vector);
        }

        var bound = BindingFor(past, hash);
        return bound.Value is not { } decision || delta.SameConclusion(decision);
    }

    private static Conclusion Conclude(CatalogueSet set, Classifier? classifier, in PastDecision past, DateOnly? on)
    {
        if (classifier is null)
        {
            // The rare case: say why, as classification does (the version choice's own diagnostic).
            var choice = set.Choose(past.Decision, on ?? DateOnly.MinValue);
            var undated = on is null && past.Decision.ProposedOn is null && past.Decision.FiledOn is null;
            return new Conclusion(null, [], null, undated ? "决定未写明日期，无法确定适用的目录版本" : choice.Diagnostics[0].Message);
        }

        var bound = BindingFor(past, classifier.Catalogue.Schema.Source.ContentHash);
        if (bound.Value is not { } decision)
        {
            return new Conclusion(null, [], classifier.Catalogue.Version, bound.Diagnostics[0].Message);
        }

        var (kind, rules) = classifier.Conclude(decision);
        return new Conclusion(kind, rules, classifier.Catalogue.Version, null);
    }

    // The version that classifies a past decision, as CatalogueSet.Choose chooses it, without its messages:
    // the one in force on the given day, or else on the decision's governing date.
    private static Classifier? Place(IReadOnlyList<Classifier> versions, in PastDecision past, DateOnly? on)
    {
        if (versions.Count == 0)
        {
            return null;
        }

        if (on is { } day && CatalogueSet.InForce(versions, day) is { } inForce)
        {
            return inForce;
        }

        var governing = versions[^1].Catalogue.GoverningDate == GoverningDate.FiledOn ? past.FiledOn : past.ProposedOn;
        return CatalogueSet.InForce(versions, governing ?? on ?? DateOnly.MinValue);
    }

    // A loop, not Array.Find: a lambda capturing the hash would allocate twice per decision.
    private static Result<BoundDecision> BindingFor(in PastDecision past, string hash)
    {
        foreach (var (bindingHash, bound) in past.Bindings)
        {
            if (bindingHash == hash)
            {
                return bound;
            }
        }

        throw new ArgumentException("The decision was not prepared with these catalogues; call Prepare with the same sets.", nameof(past));
    }

    private static DateOnly? Date(DecisionField? field) => field is not null && DecisionBinder.TryParseDate(field.Text, out var date) ? date : null;

    /// <summary>A department's versions in both sets, and the delta between the pair of versions met last (one
    /// pair for almost every decision of a year).</summary>
    private sealed class DepartmentVersions(IReadOnlyList<Classifier> before, IReadOnlyList<Classifier> after)
    {
        private Classifier? _old;
        private Classifier? _now;
        private (ConclusionDelta, string) _delta;

        public IReadOnlyList<Classifier> Before { get; } = before;

        public IReadOnlyList<Classifier> After { get; } = after;

        /// <summary>Gets the delta between two versions and the content hash of the facts file the first reads.</summary>
        public (ConclusionDelta Delta, string Hash) Delta(Classifier old, Classifier now)
        {
            if (!ReferenceEquals(old, _old) || !ReferenceEquals(now, _now))
            {
                (_old, _now, _delta) = (old, now, (ConclusionDelta.Of(old, now), old.Catalogue.Schema.Source.ContentHash));
            }

            return _delta;
        }
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

    private static string Title(CatalogueSet after, CatalogueSet before, string department, string rule) =>
        after.VersionsOf(department).Concat(before.VersionsOf(department)).Reverse()
            .SelectMany(c => c.Catalogue.Rules)
            .FirstOrDefault(r => r.Id == rule)?.Title ?? string.Empty;
}

/// <summary>A past decision ready to replay: bound once for every facts file it may be classified under.</summary>
/// <remarks>A struct, so that a year of them lies in one array in file order: replay is bound by memory, not by
/// the rules (a year of decisions is far larger than the processor's caches), and reading the decisions in order
/// with the usual binding's facts one reference away (<see cref="FirstFacts"/>) is what keeps it fast.</remarks>
/// <param name="Line">The line of the decisions file.</param>
/// <param name="Decision">The decision as read.</param>
/// <param name="Department">Its department id, trimmed, or null.</param>
/// <param name="ProposedOn">The date it was proposed, when given and readable.</param>
/// <param name="FiledOn">The date its case was filed, when given and readable.</param>
/// <param name="Bindings">The decision bound to each facts file (by content hash), or why it could not be.</param>
public readonly record struct PastDecision(
    int Line, Decision Decision, string? Department, DateOnly? ProposedOn, DateOnly? FiledOn, (string Hash, Result<BoundDecision> Bound)[] Bindings)
{
    /// <summary>Gets the content hash of the first facts file the decision was bound to, or null when none.</summary>
    internal string? FirstHash { get; } = Bindings.Length > 0 ? Bindings[0].Hash : null;

    /// <summary>Gets what the rules read of the decision bound to that facts file, kept here so that replay reaches
    /// the facts in one step; null when it could not be bound.</summary>
    internal (Procedure Procedure, ActionKind Action, FactVector Vector)? FirstFacts { get; } =
        Bindings.Length > 0 && Bindings[0].Bound.Value is { } first ? (first.Procedure, first.Action, first.Vector) : null;
}
