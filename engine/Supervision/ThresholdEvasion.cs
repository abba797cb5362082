using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Syntax;
using CatalogueRule = Fashen.Engine.Catalogues.Rule;

namespace Fashen.Engine.Supervision;

/// <summary>Decisions bunched just below an amount rule's threshold: far more of the rule's decisions fall in the band below it than
/// above it, compared with how the same department's amounts of that fact fall around round amounts that are no threshold.</summary>
/// <param name="Department">The department.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleTitle">Its wording.</param>
/// <param name="Threshold">The comparison in words: 罚款金额在5万元以上（含本数）.</param>
/// <param name="Below">Decisions in the band just below (within <see cref="EvasionOptions.Band"/> of the threshold).</param>
/// <param name="Above">Decisions in the band just above.</param>
/// <param name="ExpectedShareBelow">The share below the department shows around round amounts elsewhere.</param>
/// <param name="PValue">The chance of this many below, or more, if the threshold made no difference (one-sided binomial).</param>
/// <param name="Cases">The decisions just below, each with its record entry.</param>
public sealed record BunchingSignal(
    string Department, string RuleId, string RuleTitle, string Threshold, int Below, int Above, double ExpectedShareBelow, double PValue,
    IReadOnlyList<SignalCase> Cases)
{
    /// <summary>Gets the share of the band's decisions that fall below.</summary>
    public double ShareBelow => Below + Above == 0 ? 0 : (double)Below / (Below + Above);
}

/// <summary>A party's decisions within the window that together cross a rule's threshold none crosses alone (拆分处罚).</summary>
/// <param name="Department">The department.</param>
/// <param name="Party">The party, as the case systems named it.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleTitle">Its wording.</param>
/// <param name="Threshold">The comparison in words.</param>
/// <param name="Total">The decisions' amounts together.</param>
/// <param name="Cases">The decisions, by date.</param>
public sealed record SplitSignal(string Department, string Party, string RuleId, string RuleTitle, string Threshold, decimal Total, IReadOnlyList<SignalCase> Cases);

/// <summary>One decision behind a signal.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="On">Its date.</param>
/// <param name="Amount">The amount compared with the threshold.</param>
/// <param name="Sequence">Its record entry.</param>
/// <param name="Issued">Whether it was reported issued (else as classified).</param>
public sealed record SignalCase(string CaseId, DateOnly On, decimal Amount, long Sequence, bool Issued);

/// <summary>How the evasion signals are drawn.</summary>
public sealed record EvasionOptions
{
    /// <summary>Gets the band each side of a threshold, as a share of it.</summary>
    /// <value>The default value is 0.1: 45,000 to 50,000 yuan below a 50,000 yuan threshold.</value>
    public decimal Band { get; init; } = 0.1m;

    /// <summary>Gets the fewest decisions below before bunching is reported.</summary>
    /// <value>The default value is 5.</value>
    public int MinimumBelow { get; init; } = 5;

    /// <summary>Gets the largest chance, if the threshold made no difference, at which bunching is reported.</summary>
    /// <value>The default value is 0.001: about one false alarm in a thousand thresholds.</value>
    public double Significance { get; init; } = 0.001;

    /// <summary>Gets the window in which one party's decisions are added up.</summary>
    /// <value>The default value is 90 days.</value>
    public int SplitWindowDays { get; init; } = 90;

    /// <summary>Gets how far back decisions are read.</summary>
    /// <value>The default value is 365 days.</value>
    public int LookBackDays { get; init; } = 365;
}

/// <summary>The threshold-evasion signals over the decisions the record holds: bunching below amount thresholds, and split penalties.
/// Each decision is read against the catalogue in force on its date; a threshold counts for a decision only where it decides the
/// rule (the rule matches just above it and not just below), so a legal person's fine is not set against a natural person's tier.</summary>
public static class ThresholdEvasion
{
    /// <summary>Finds the signals.</summary>
    /// <param name="decisions">The decisions as last seen.</param>
    /// <param name="catalogues">The catalogues.</param>
    /// <param name="today">Today.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <returns>The bunching and the split penalties found.</returns>
    public static (IReadOnlyList<BunchingSignal> Bunching, IReadOnlyList<SplitSignal> Splits) Find(
        IEnumerable<ObservedDecision> decisions, CatalogueSet catalogues, DateOnly today, EvasionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        options ??= new EvasionOptions();
        var since = today.AddDays(-options.LookBackDays);
        var bound = decisions
            .Where(d => d.On > since && d.On <= today)
            .Select(d => (Observed: d, Classifier: catalogues.InForce(d.Department, d.On)))
            .Where(d => d.Classifier is not null)
            .Select(d => (d.Observed, Classifier: d.Classifier!, Decision: d.Observed.Bind(d.Classifier!)))
            .Where(d => d.Decision is { Procedure: Procedure.General })
            .Select(d => new Bound(d.Observed, d.Classifier, d.Decision!))
            .ToList();

        var bunching = new List<BunchingSignal>();
        var splits = new List<SplitSignal>();
        foreach (var group in bound.GroupBy(b => b.Observed.Department).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var department = group.ToList();
            var thresholds = Thresholds(department).ToList();

            // The department's spread around round amounts, once per fact however many of its thresholds are looked at.
            var expected = new Dictionary<string, double>(StringComparer.Ordinal);
            double Expected(FactDefinition fact) =>
                expected.TryGetValue(fact.Key, out var share) ? share : expected[fact.Key] = ExpectedShareBelow(fact, department, thresholds, options.Band);
            bunching.AddRange(thresholds.Select(t => Bunching(t, department, Expected, options)).OfType<BunchingSignal>());
            splits.AddRange(thresholds.SelectMany(t => Splits(t, department, options)));
        }

        return (bunching.OrderBy(b => b.PValue).ToList(), splits);
    }

    /// <summary>The chance of <paramref name="k"/> or more successes in <paramref name="n"/> trials of chance <paramref name="p"/>.</summary>
    /// <param name="k">The successes.</param>
    /// <param name="n">The trials.</param>
    /// <param name="p">The chance of each.</param>
    /// <returns>The upper tail.</returns>
    public static double UpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        // In logarithms, so that hundreds of trials neither overflow nor vanish.
        var logs = Enumerable.Range(k, n - k + 1).Select(i => LogChoose(n, i) + (i * Math.Log(p)) + ((n - i) * Math.Log(1 - p))).ToList();
        var max = logs.Max();
        return Math.Min(1, Math.Exp(max) * logs.Sum(l => Math.Exp(l - max)));
    }

    // The thresholds of a department: each lower bound (以上, 超过) on a money fact in a rule of a catalogue the decisions were read
    // against, once per rule and fact and amount.
    private static IEnumerable<Threshold> Thresholds(IEnumerable<Bound> decisions) => decisions
        .Select(d => d.Classifier).Distinct()
        .SelectMany(c => c.Catalogue.Rules.SelectMany(rule => ConditionFacts.AmountComparisons(rule.Condition)
            .Where(a => a.Fact.Type == FactType.Money && a.Operator is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater && a.Threshold > 0)
            .Select(a => new Threshold(rule, a))))
        .DistinctBy(t => (t.Rule.Id, t.Comparison.Fact.Key, t.Comparison.Threshold, t.Comparison.Operator));

    private static BunchingSignal? Bunching(Threshold threshold, List<Bound> decisions, Func<FactDefinition, double> expectedShareBelow, EvasionOptions options)
    {
        var (fact, t) = (threshold.Comparison.Fact, threshold.Comparison.Threshold);
        var (lowest, highest) = (t * (1 - options.Band), t * (1 + options.Band));
        var below = new List<(Bound Decision, decimal Amount)>();
        var above = 0;
        foreach (var d in decisions)
        {
            if (Amount(d, fact) is not { } amount || amount < lowest || amount > highest || !Decides(threshold, d))
            {
                continue;
            }

            if (threshold.IsAbove(amount))
            {
                above++;
            }
            else
            {
                below.Add((d, amount));
            }
        }

        if (below.Count < options.MinimumBelow)
        {
            return null;
        }

        var expected = expectedShareBelow(fact);
        var pValue = UpperTail(below.Count, below.Count + above, expected);
        return pValue > options.Significance
            ? null
            : new BunchingSignal(
                decisions[0].Observed.Department, threshold.Rule.Id, threshold.Rule.Title, ConditionWording.Describe(threshold.Comparison), below.Count, above, expected, pValue,
                below.OrderBy(b => b.Decision.Observed.On).Select(b => Case(b.Decision, b.Amount)).ToList());
    }

    // How the department's amounts of a fact fall either side of round amounts (1, 2, 3, 5 × 10ⁿ yuan) that are not near any of its
    // thresholds: the band below against the band above, with one decision added to each side so that few data say "even".
    private static double ExpectedShareBelow(FactDefinition fact, List<Bound> decisions, List<Threshold> thresholds, decimal band)
    {
        var amounts = decisions.Select(d => Amount(d, fact)).OfType<decimal>().Where(a => a > 0).ToList();
        var near = thresholds.Where(t => t.Comparison.Fact.Key == fact.Key).Select(t => t.Comparison.Threshold).ToList();
        var (below, above) = (1, 1);
        foreach (var point in RoundAmounts(amounts).Where(p => near.All(t => Math.Abs(p - t) > t * band * 2)))
        {
            below += amounts.Count(a => a >= point * (1 - band) && a < point);
            above += amounts.Count(a => a >= point && a <= point * (1 + band));
        }

        return (double)below / (below + above);
    }

    private static IEnumerable<decimal> RoundAmounts(List<decimal> amounts)
    {
        if (amounts.Count == 0)
        {
            yield break;
        }

        var (min, max) = (amounts.Min(), amounts.Max());
        for (var power = 1m; power <= max * 10 && power < 1e12m; power *= 10)
        {
            foreach (var step in new[] { 1m, 2m, 3m, 5m })
            {
                var point = step * power;
                if (point >= min && point <= max)
                {
                    yield return point;
                }
            }
        }
    }

    // One party's decisions that do not match the rule alone but together, within the window, would.
    private static IEnumerable<SplitSignal> Splits(Threshold threshold, List<Bound> decisions, EvasionOptions options)
    {
        var fact = threshold.Comparison.Fact;
        var parties = decisions
            .Where(d => d.Observed.Party is { Length: > 0 } && threshold.Rule.Actions.Contains(d.Decision.Action) && Amount(d, fact) is > 0
                && !d.Matched.Contains(threshold.Rule.Id))
            .GroupBy(d => PartyKey(d.Observed.Party!));
        foreach (var party in parties)
        {
            var ordered = party.OrderBy(d => d.Observed.On).ThenBy(d => d.Observed.Sequence).ToList();
            for (var first = 0; first < ordered.Count - 1; first++)
            {
                var window = ordered.Skip(first).TakeWhile(d => d.Observed.On.DayNumber - ordered[first].Observed.On.DayNumber <= options.SplitWindowDays).ToList();
                var total = window.Sum(d => Amount(d, fact)!.Value);
                var last = window[^1];
                if (window.Count > 1 && last.Classifier.Match(last.Decision.With(fact, new AmountValue(total))).Any(r => r.Id == threshold.Rule.Id))
                {
                    yield return new SplitSignal(
                        last.Observed.Department, ordered[first].Observed.Party!, threshold.Rule.Id, threshold.Rule.Title, ConditionWording.Describe(threshold.Comparison), total,
                        window.Select(d => Case(d, Amount(d, fact)!.Value)).ToList());
                    break;
                }
            }
        }
    }

    // Whether the threshold decides the rule for this decision: matched just above, not just below.
    private static bool Decides(Threshold threshold, Bound d)
    {
        if (!threshold.Rule.Actions.Contains(d.Decision.Action))
        {
            return false;
        }

        var (fact, t) = (threshold.Comparison.Fact, threshold.Comparison.Threshold);
        var step = 0.01m;
        var (justBelow, justAbove) = threshold.Comparison.Operator == ComparisonOperator.Greater ? (t, t + step) : (t - step, t);
        return d.Classifier.Match(d.Decision.With(fact, new AmountValue(justAbove))).Any(r => r.Id == threshold.Rule.Id)
            && !d.Classifier.Match(d.Decision.With(fact, new AmountValue(justBelow))).Any(r => r.Id == threshold.Rule.Id);
    }

    private static decimal? Amount(Bound d, FactDefinition fact) =>
        d.Decision.Schema.TryGetFact(fact.Key, out var own) && d.Decision.Get(own) is AmountValue amount ? amount.Value : null;

    private static SignalCase Case(Bound d, decimal amount) => new(d.Observed.CaseId, d.Observed.On, amount, d.Observed.Sequence, d.Observed.Issued);

    // The same party however the case systems spaced or bracketed its name: NFKC makes full-width brackets and letters plain.
    private static string PartyKey(string party) => new(party.Normalize(System.Text.NormalizationForm.FormKC)
        .Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }

    private sealed record Bound(ObservedDecision Observed, Classifier Classifier, BoundDecision Decision)
    {
        private HashSet<string>? _matched;

        // The rules the decision matches as it stands, asked once however many thresholds look at it.
        public HashSet<string> Matched => _matched ??= Classifier.Match(Decision).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record Threshold(CatalogueRule Rule, AmountComparison Comparison)
    {
        public bool IsAbove(decimal amount) => Comparison.Operator == ComparisonOperator.Greater ? amount > Comparison.Threshold : amount >= Comparison.Threshold;
    }
}
