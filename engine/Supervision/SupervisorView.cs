using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Supervision;

/// <summary>What the supervisor (执法监督, e.g. the county justice bureau) sees across the departments it is given: reviews overdue
/// and near due, decisions issued without a permit or other than permitted, relabelling at the gate, publications overdue and
/// withdrawals late, and the threshold-evasion and catalogue-coverage signals. It only reads: nothing here writes to the store.</summary>
public sealed class SupervisorView
{
    private readonly ReviewService _reviews;
    private readonly IReviewStore _store;
    private readonly TimeProvider _clock;
    private readonly SupervisedRecord _record;
    private readonly Lock _gate = new();
    private Signals? _signals;

    /// <summary>Initializes a new instance of the <see cref="SupervisorView"/> class.</summary>
    /// <param name="reviews">The reviews, for queries, today and the catalogues.</param>
    /// <param name="store">The record.</param>
    /// <param name="options">The review options, for the time zone.</param>
    /// <param name="clock">The clock, for how old the signals are.</param>
    public SupervisorView(ReviewService reviews, IReviewStore store, ReviewOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _reviews = reviews;
        _store = store;
        _clock = clock;
        _record = new SupervisedRecord(options.TimeZone);
    }

    /// <summary>Gets the options the evasion signals are drawn with.</summary>
    public EvasionOptions Evasion { get; init; } = new();

    /// <summary>Gets how long signals are kept before they are drawn again from a record that grew: over a year's decisions they take
    /// seconds, and a statistical signal minutes old says the same.</summary>
    /// <value>The default value is ten minutes.</value>
    public TimeSpan SignalsKeptFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets when the signals shown were drawn, or null before the first time.</summary>
    public DateTimeOffset? SignalsDrawnAt => _signals?.DrawnAt;

    /// <summary>Lists the open reviews past their due date and those due today or the next working day.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Overdue first, then due soon; or why not.</returns>
    public Outcome<IReadOnlyList<ReviewIndexEntry>> DueReviews(Caller caller)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        var open = Enum.GetValues<ReviewState>().Where(s => !s.IsClosed()).ToList();
        var found = new List<ReviewIndexEntry>();
        foreach (var due in new[] { DueState.Overdue, DueState.DueSoon })
        {
            var page = _reviews.Query(caller, new ReviewQuery { States = open, Due = due, PageSize = 200 });
            found.AddRange(page.Value?.Items ?? []);
        }

        return found;
    }

    /// <summary>Lists the findings: decisions issued without a permit, other than permitted, or with a forged permit.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Newest first; or why not.</returns>
    public Outcome<IReadOnlyList<FlaggedEntry>> Findings(Caller caller) => Flagged(caller, r => r.Findings);

    /// <summary>Lists relabelling at the gate: decisions dressed as another form, reviewed decisions changed, cases no longer major.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Newest first; or why not.</returns>
    public Outcome<IReadOnlyList<FlaggedEntry>> Relabelling(Caller caller) => Flagged(caller, r => r.Relabelling);

    /// <summary>Lists withdrawals made more than three days after the decision was changed (第四十八条).</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Newest first; or why not.</returns>
    public Outcome<IReadOnlyList<FlaggedEntry>> LateWithdrawals(Caller caller) => Flagged(caller, r => r.LateWithdrawals);

    /// <summary>Lists the publications past their due day and not yet out.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Longest overdue first; or why not.</returns>
    public Outcome<IReadOnlyList<PublicationRecord>> OverduePublications(Caller caller)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        var today = _reviews.Today;
        return _store.Publications.Publications(new PublicationQuery(Visible(caller), PublicationState.Pending, null, 10_000))
            .Where(p => Publications.Overdue(p, today))
            .OrderBy(p => p.DueOn)
            .ToList();
    }

    /// <summary>Finds the threshold-evasion signals.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>Bunching below thresholds and split penalties; or why not.</returns>
    public Outcome<(IReadOnlyList<BunchingSignal> Bunching, IReadOnlyList<SplitSignal> Splits)> Evasions(Caller caller)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        var signals = Current();
        return (signals.Bunching.Where(b => caller.CanAccess(b.Department)).ToList(), signals.Splits.Where(s => caller.CanAccess(s.Department)).ToList());
    }

    /// <summary>Reports how each catalogue meets its decisions in production over the last twelve months.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <returns>One report per department; or why not.</returns>
    public Outcome<IReadOnlyList<CoverageReport>> Coverage(Caller caller)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        return Current().Coverage.Where(c => caller.CanAccess(c.Department)).ToList();
    }

    /// <summary>Reads one record entry, of a department the supervisor is given: the record behind a flagged case.</summary>
    /// <param name="caller">The supervisor.</param>
    /// <param name="sequence">The entry's sequence number.</param>
    /// <returns>The entry, or why not.</returns>
    public Outcome<Records.AuditEntry> Entry(Caller caller, long sequence)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        return _store.EntriesAt([sequence]).FirstOrDefault() is { Department: { } department } entry && caller.CanAccess(department)
            ? entry
            : ReviewErrors.EntryNotFound(sequence);
    }

    private static ReviewError? RoleProblem(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(Role.Supervisor) || caller.Has(Role.Admin) ? null : ReviewErrors.RoleRequired("查看执法监督信息", Role.Supervisor.ToChinese());
    }

    private static IReadOnlyList<string>? Visible(Caller caller) => caller.Departments.Contains(Caller.AllDepartments) ? null : caller.Departments;

    private Outcome<IReadOnlyList<FlaggedEntry>> Flagged(Caller caller, Func<SupervisedRecord, IReadOnlyList<FlaggedEntry>> list)
    {
        if (RoleProblem(caller) is { } problem)
        {
            return problem;
        }

        lock (_gate)
        {
            Catch();
            return list(_record).Where(f => caller.CanAccess(f.Entry.Department!)).Reverse().ToList();
        }
    }

    // Reads what the record gained since the last time.
    private void Catch() => _record.Read(_store.ReadAll(_record.Through));

    // The signals, drawn again when the catalogues or the day changed, or the record grew and they are older than SignalsKeptFor.
    private Signals Current()
    {
        lock (_gate)
        {
            Catch();
            var (set, today, now) = (_reviews.Catalogues, _reviews.Today, _clock.GetUtcNow());
            if (_signals is { } kept && ReferenceEquals(kept.Set, set) && kept.Today == today
                && (kept.Through == _record.Through || now - kept.DrawnAt < SignalsKeptFor))
            {
                return kept;
            }

            var decisions = _record.Decisions.ToList();
            var (bunching, splits) = ThresholdEvasion.Find(decisions, set, today, Evasion);
            _signals = new Signals(_record.Through, set, today, now, bunching, splits, ProductionCoverage.Report(decisions, set, today));
            return _signals;
        }
    }

    private sealed record Signals(
        long Through, CatalogueSet Set, DateOnly Today, DateTimeOffset DrawnAt, IReadOnlyList<BunchingSignal> Bunching, IReadOnlyList<SplitSignal> Splits, IReadOnlyList<CoverageReport> Coverage);
}
