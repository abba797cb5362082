using System.Security.Cryptography;
using Fashen.Engine.Access;
using Fashen.Engine.Documents;
using Fashen.Engine.Integrity;
using Fashen.Engine.Permits;
using Fashen.Engine.Recording;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>The review workflow: classification, submission, the review itself, the issuance gate and
/// the record. The HTTP endpoints and the review pages both call this, so they can never disagree;
/// every rule of the workflow, including who may do what, lives here.</summary>
public sealed partial class ReviewService
{
    private readonly ICatalogueSource _catalogues;
    private readonly IReviewStore _store;
    private readonly IAccountStore _people;
    private readonly ClassificationRecorder _recorder;
    private readonly IPermitSigner _signer;
    private readonly TimeProvider _clock;
    private readonly ReviewOptions _options;
    private readonly IFileStore? _files;
    private StatisticsSnapshot? _statistics;

    /// <summary>Initializes a new instance of the <see cref="ReviewService"/> class.</summary>
    /// <param name="catalogues">The catalogues in force.</param>
    /// <param name="store">Where the record is kept.</param>
    /// <param name="people">The people known to the service, whom submissions name.</param>
    /// <param name="recorder">Writes the record of classifications after their answers.</param>
    /// <param name="signer">Signs issuance permits.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Settings.</param>
    /// <param name="files">The files of case files, which submissions name; null where none are kept.</param>
    public ReviewService(
        ICatalogueSource catalogues, IReviewStore store, IAccountStore people, ClassificationRecorder recorder, IPermitSigner signer, TimeProvider clock, ReviewOptions options,
        IFileStore? files = null)
    {
        _files = files;
        _catalogues = catalogues;
        _store = store;
        _people = people;
        _recorder = recorder;
        _signer = signer;
        _clock = clock;
        _options = options;
    }

    /// <summary>Gets today's date where the reviews are made.</summary>
    public DateOnly Today => _options.LocalDay(_clock.GetUtcNow());

    /// <summary>Gets the catalogues in force.</summary>
    public CatalogueSet Catalogues => _catalogues.Current;

    /// <summary>Reads a review.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="reviewId">The review id.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Get(Caller caller, string reviewId)
    {
        var review = Load(reviewId);
        if (review is null)
        {
            return ReviewErrors.ReviewNotFound(reviewId);
        }

        return caller.CanAccess(review.Department) ? review : ReviewErrors.DepartmentNotAllowed(review.Department);
    }

    /// <summary>Reads a review's full record.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="reviewId">The review id.</param>
    /// <returns>Every entry of the review, in order, or why not.</returns>
    public Outcome<IReadOnlyList<AuditEntry>> History(Caller caller, string reviewId)
    {
        var review = Get(caller, reviewId);
        if (!review.Succeeded)
        {
            return review.Error!;
        }

        return Outcome(_store.ReviewEntries(reviewId));
    }

    /// <summary>Lists the reviews the caller may see.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="query">What to list; the caller's departments are applied on top.</param>
    /// <returns>A page of reviews, soonest due first.</returns>
    public Outcome<ReviewPage> Query(Caller caller, ReviewQuery query)
    {
        var scoped = Scoped(caller, query);
        return scoped.Succeeded
            ? _store.Query(scoped.Value! with { Page = Math.Max(1, query.Page), PageSize = Math.Clamp(query.PageSize, 1, 200) })
            : scoped.Error!;
    }

    /// <summary>Counts the reviews of each queue tab that match a query (its states aside), among those the caller may see.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="query">The filters of the list shown.</param>
    /// <returns>Each tab's count, or why not.</returns>
    public Outcome<IReadOnlyDictionary<QueueTab, int>> CountTabs(Caller caller, ReviewQuery query)
    {
        var scoped = Scoped(caller, query);
        if (!scoped.Succeeded)
        {
            return scoped.Error!;
        }

        var byState = _store.CountByState(scoped.Value!);
        return Outcome<IReadOnlyDictionary<QueueTab, int>>(QueueTabs.All.ToDictionary(tab => tab, tab => tab.States().Sum(s => byState.GetValueOrDefault(s))));
    }

    /// <summary>Works out how a review stands against its deadline today.</summary>
    /// <param name="review">The review.</param>
    /// <returns>The due state.</returns>
    public DueState DueStateOf(Review review)
    {
        var today = Today;
        return DueStates.Of(review.State, review.Deadline.Running, review.Deadline.DueDate, today, NextWorkingDay(today));
    }

    /// <summary>Works out how an indexed review stands against its deadline today.</summary>
    /// <param name="entry">The index entry.</param>
    /// <returns>The due state.</returns>
    public DueState DueStateOf(ReviewIndexEntry entry)
    {
        var today = Today;
        return DueStates.Of(entry.State, entry.Running, entry.DueDate, today, NextWorkingDay(today));
    }

    /// <summary>Verifies the whole record: every entry's hash, the chain between them, the stored head, and what the
    /// store derives from the record (each review's state, each permit) against it.</summary>
    /// <param name="caller">Who asks; the legal-office admin.</param>
    /// <param name="anchors">Hashes of entries noted down when the record was verified before, which must not have changed.</param>
    /// <returns>The outcome of the verification, or why the caller may not ask.</returns>
    public Outcome<RecordAuditResult> VerifyRecord(Caller caller, IReadOnlyCollection<ChainAnchor>? anchors = null)
    {
        if (!caller.Has(Role.Admin))
        {
            return ReviewErrors.RoleRequired("校验全过程记录", Role.Admin.ToChinese());
        }

        // Classifications answered before the verification are part of the record it reads.
        _recorder.FlushAsync().GetAwaiter().GetResult();
        return RecordAudit.Run(_store, anchors);
    }

    /// <summary>Counts reviews per department and month (数据统计分析), for the departments the caller may see.</summary>
    /// <param name="caller">Who asks: a person, not a case system.</param>
    /// <returns>The rows, by department then month, or why not.</returns>
    /// <remarks>Computed from the whole record, and kept until the record grows: the chain head names
    /// the record's state exactly.</remarks>
    public Outcome<IReadOnlyList<MonthStatistics>> Statistics(Caller caller)
    {
        if (caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("查看数据统计", "法制机构或执法部门的工作人员");
        }

        _recorder.FlushAsync().GetAwaiter().GetResult();
        var head = _store.Head()?.Hash ?? string.Empty;
        var cached = _statistics;
        if (cached is null || cached.Head != head)
        {
            cached = new StatisticsSnapshot(head, ReviewStatistics.Compute(_store.ReadAll(), _catalogues.Current.Calendar, _options.TimeZone));
            _statistics = cached;
        }

        return Outcome<IReadOnlyList<MonthStatistics>>(cached.Rows.Where(r => caller.CanAccess(r.Department)).ToList());
    }

    /// <summary>Records that the catalogues were (re)loaded, or that a reload was refused for errors.</summary>
    /// <param name="caller">Who reloaded them.</param>
    /// <param name="errors">How many errors the reload found; 0 when the new catalogues are in force.</param>
    public void RecordCatalogueLoad(Caller caller, int errors)
    {
        var catalogues = new System.Text.Json.Nodes.JsonArray(_catalogues.Current.All
            .Select(c => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = c.Catalogue.Id,
                ["version"] = c.Catalogue.Version,
                ["effectiveFrom"] = Classification.Formatting.Date(c.Catalogue.EffectiveFrom),
                ["revision"] = c.Catalogue.Revision,
                ["commit"] = c.Catalogue.Commit,
            })
            .ToArray());
        var data = new System.Text.Json.Nodes.JsonObject { ["errors"] = errors, ["inForce"] = catalogues };
        _store.Append(new AppendBatch(_clock.GetUtcNow(), [new PendingEntry(errors == 0 ? "catalogues.loaded" : "catalogues.reload_refused", null, null, caller.Actor, CanonicalJson.Serialize(data))]));
        if (errors == 0)
        {
            // The holiday arrangement comes with the catalogues: a year just loaded settles the due dates that waited on it.
            RecomputeDeadlines();
        }
    }

    private static Outcome<T> Outcome<T>(T value) => value;

    // A query limited to the departments the caller may see, with today's dates for the due states; or why not.
    private Outcome<ReviewQuery> Scoped(Caller caller, ReviewQuery query)
    {
        if (query.Department is { } department && !caller.CanAccess(department))
        {
            return ReviewErrors.DepartmentNotAllowed(department);
        }

        var today = Today;
        return query with
        {
            VisibleDepartments = caller.Departments.Contains(Caller.AllDepartments) ? null : caller.Departments,
            Today = today,
            NextWorkingDay = NextWorkingDay(today),
        };
    }

    // A review the caller may see, that the step's own check allows, at the version the caller saw.
    private Outcome<Review> Allowed(Caller caller, string reviewId, long version, Func<Review, ReviewError?> problem)
    {
        var found = Get(caller, reviewId);
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        if (problem(review) is { } refused)
        {
            return refused;
        }

        return review.Version == version ? review : ReviewErrors.StaleVersion(version, review.Version);
    }

    private Review? Load(string reviewId)
    {
        // No review id is this long; one that is would only make the store read a key it cannot hold.
        if (reviewId.Length > 64)
        {
            return null;
        }

        var entries = _store.ReviewEntries(reviewId);
        return entries.Count == 0
            ? null
            : Review.Replay(entries.Where(e => ReviewEventSerializer.IsReviewEvent(e.Type))
                .Select(e => (e, ReviewEventSerializer.Deserialize(e.Type, e.Data))));
    }

    private DateOnly NextWorkingDay(DateOnly today)
    {
        var calendar = _catalogues.Current.Calendar;
        return calendar?.AddWorkingDays(today, 1).LastDay ?? today.AddDays(1);
    }

    // 64 random bits a day. With 32, ids collide by chance: about 1.3 collisions are expected among 107,000 reviews on
    // one day, and the memory benchmark's run of that size had one submission refused; at a province's few thousand a
    // day, about one a year. The stores refuse a second review or permit with an id already used, so a collision never
    // overwrote anything, but it failed a good request.
    private static string NewId(string prefix, DateOnly date) =>
        $"{prefix}{date:yyyyMMdd}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}";

    // Writes a review's new events, with the index recomputed from the review as they leave it. The
    // first `applied` events were already applied to the review by the caller, at `at`: every entry of the change
    // is sealed with that time, so that the index derived here is the one the record's entries derive.
    private Outcome<Review> Commit(
        Review review,
        long expectedVersion,
        Actor actor,
        IReadOnlyList<ReviewEvent> events,
        int applied = 0,
        IReadOnlyList<PendingEntry>? extra = null,
        IdempotencyRecord? idempotency = null,
        ClassificationRecord? classification = null,
        DateTimeOffset? at = null)
    {
        var now = at ?? _clock.GetUtcNow();
        foreach (var reviewEvent in events.Skip(applied))
        {
            review.Apply(Provisional(actor, now), reviewEvent);
        }

        var pending = events.Select(e => new PendingEntry(ReviewEventSerializer.TypeOf(e), review.Id, review.Department, actor, ReviewEventSerializer.Serialize(e)))
            .Concat(extra ?? [])
            .ToList();
        var outcome = _store.Append(new AppendBatch(now, pending, review.Id, expectedVersion, review.ToIndexEntry(), idempotency, null, classification));
        if (outcome.Status == AppendStatus.Appended)
        {
            return review;
        }

        // A retry of the same request that got in first wins over every other reason for refusing.
        if (idempotency is not null && _store.FindIdempotency(idempotency.Scope, idempotency.Caller, idempotency.Key) is { } winner)
        {
            return winner.RequestHash == idempotency.RequestHash ? Load(winner.ResourceId)! : ReviewErrors.IdempotencyKeyReused(idempotency.Key);
        }

        return outcome.Status switch
        {
            AppendStatus.VersionConflict => ReviewErrors.StaleVersion(expectedVersion, outcome.CurrentVersion),
            AppendStatus.OpenReviewExists => ReviewErrors.ReviewAlreadyOpen(review.CaseId, _store.LatestReviewFor(review.Department, review.CaseId)?.ReviewId ?? "?"),
            _ => throw new InvalidOperationException($"Append refused with {outcome.Status} but no idempotency record was found."),
        };
    }

    private static AuditEntry Provisional(Actor actor, DateTimeOffset at) =>
        new(0, at, string.Empty, null, null, actor, string.Empty, string.Empty, string.Empty);
}

/// <summary>Statistics as computed for one state of the record.</summary>
/// <param name="Head">The chain head they were computed at.</param>
/// <param name="Rows">The rows.</param>
internal sealed record StatisticsSnapshot(string Head, IReadOnlyList<MonthStatistics> Rows);
