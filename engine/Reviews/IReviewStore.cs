using Fashen.Engine.Permits;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Where the record and what is derived from it are kept. Every change goes through
/// <see cref="Append"/>, which is all-or-nothing.</summary>
public interface IReviewStore
{
    /// <summary>Reads a review's entries, in order.</summary>
    /// <param name="reviewId">The review id.</param>
    /// <returns>The entries; empty when there is no such review.</returns>
    IReadOnlyList<AuditEntry> ReviewEntries(string reviewId);

    /// <summary>Reads entries by their sequence numbers; numbers with no entry are left out.</summary>
    /// <param name="sequences">The sequence numbers.</param>
    /// <returns>The entries found, in sequence order.</returns>
    IReadOnlyList<AuditEntry> EntriesAt(IReadOnlyCollection<long> sequences);

    /// <summary>Finds one review's index entry.</summary>
    /// <param name="reviewId">The review id.</param>
    /// <returns>The index entry, or null.</returns>
    ReviewIndexEntry? FindReviewIndex(string reviewId);

    /// <summary>Reads every review's index entry (the derived copy that lists and the gate's lookup use), for
    /// verification against the record.</summary>
    /// <returns>The index entries, in review id order.</returns>
    IEnumerable<ReviewIndexEntry> ReviewIndex();

    /// <summary>Reads every permit kept, for verification against the record.</summary>
    /// <returns>The permits, in id order.</returns>
    IEnumerable<StoredPermit> Permits();

    /// <summary>Reads the alerts in the record (entries whose type starts with <c>alert.</c>), newest first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <returns>The alert entries.</returns>
    IReadOnlyList<AuditEntry> Alerts(int limit);

    /// <summary>Finds the newest review of a case: the one whose first entry is latest in the record, whatever the clocks
    /// of the instances that wrote them said.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="caseId">The case id.</param>
    /// <returns>Its index entry, or null.</returns>
    ReviewIndexEntry? LatestReviewFor(string department, string caseId);

    /// <summary>Lists reviews.</summary>
    /// <param name="query">What to list.</param>
    /// <returns>One page of reviews and the total count.</returns>
    ReviewPage Query(ReviewQuery query);

    /// <summary>Counts the reviews that match a query in each state, its states aside: the counts of the queue's tabs.</summary>
    /// <param name="query">What to count; <see cref="ReviewQuery.States"/>, the page and the order are not used.</param>
    /// <returns>How many reviews match in each state that has any.</returns>
    IReadOnlyDictionary<ReviewState, int> CountByState(ReviewQuery query);

    /// <summary>Appends entries and updates what is derived from them, all or nothing.</summary>
    /// <param name="batch">What to write.</param>
    /// <returns>The sealed entries, or why nothing was written.</returns>
    AppendOutcome Append(AppendBatch batch);

    /// <summary>Appends as <see cref="Append"/> does, without holding the caller's thread while the batch is written.</summary>
    /// <param name="batch">What to write.</param>
    /// <returns>The sealed entries, or why nothing was written, once durable.</returns>
    Task<AppendOutcome> AppendAsync(AppendBatch batch);

    /// <summary>Counts a department's review outcomes (<c>review.decided</c> entries) from a moment on, up to (not including) a
    /// place in the record: an outcome's place among the department's outcomes of its year, in chain order, numbers its
    /// review opinion.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="since">The first moment counted.</param>
    /// <param name="beforeSequence">Only entries before this sequence number.</param>
    /// <returns>How many there are.</returns>
    long CountOutcomes(string department, DateTimeOffset since, long beforeSequence);

    /// <summary>Gets the publications of reported decisions, which the store keeps from the record's entries like the index of
    /// reviews.</summary>
    Publication.IPublicationStore Publications { get; }

    /// <summary>Reads the record, in sequence order.</summary>
    /// <param name="after">Only entries after this sequence number; 0 for the whole record.</param>
    /// <returns>The entries.</returns>
    IEnumerable<AuditEntry> ReadAll(long after = 0);

    /// <summary>Gets the sequence and hash of the last entry, kept apart from the entries so that removing or adding
    /// entries at the end of the record shows.</summary>
    /// <returns>The head, or null when the record is empty.</returns>
    RecordHead? Head();

    /// <summary>Finds an earlier request with the same idempotency key.</summary>
    /// <param name="scope">What kind of request ("submit", "issue", …).</param>
    /// <param name="caller">Who sent it.</param>
    /// <param name="key">The key.</param>
    /// <returns>The record, or null.</returns>
    IdempotencyRecord? FindIdempotency(string scope, string caller, string key);

    /// <summary>Finds a permit.</summary>
    /// <param name="id">The permit id.</param>
    /// <returns>The permit, or null.</returns>
    StoredPermit? FindPermit(string id);

    /// <summary>Finds the last classification recorded for a case.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="caseId">The case id.</param>
    /// <returns>The record, or null.</returns>
    ClassificationRecord? LastClassification(string department, string caseId);
}

/// <summary>What one change writes.</summary>
/// <param name="At">When it happens; the time of every entry.</param>
/// <param name="Entries">The entries to append, in order.</param>
/// <param name="ReviewId">The review the change is to, or null.</param>
/// <param name="ExpectedVersion">The review's version the change was made against, or null for a new review.</param>
/// <param name="Index">The review's index entry after the change, or null.</param>
/// <param name="Idempotency">The idempotency record to keep, or null.</param>
/// <param name="Permit">The permit to keep, or null.</param>
/// <param name="Classification">The classification to remember for the case, or null.</param>
/// <param name="File">The record of a file whose bytes were kept (<see cref="Documents.IFileStore.KeepBytes"/>) or that was
/// registered, or null; kept unless the same hash is kept already.</param>
/// <param name="Holder">Someone who now holds a file kept before, or null.</param>
/// <param name="Publication">A publication as the change leaves it, or null; written only if the stored one is at the version
/// before (<c>Version - 1</c>; none stored for version 1), else the append is a <see cref="AppendStatus.VersionConflict"/>.</param>
public sealed record AppendBatch(
    DateTimeOffset At,
    IReadOnlyList<PendingEntry> Entries,
    string? ReviewId = null,
    long? ExpectedVersion = null,
    ReviewIndexEntry? Index = null,
    IdempotencyRecord? Idempotency = null,
    StoredPermit? Permit = null,
    ClassificationRecord? Classification = null,
    Documents.StoredFile? File = null,
    Documents.FileHolder? Holder = null,
    Publication.PublicationRecord? Publication = null);

/// <summary>What an append did.</summary>
/// <param name="Status">Whether it was written.</param>
/// <param name="Entries">The sealed entries, when written.</param>
/// <param name="CurrentVersion">The review's version after the append, or as found when it conflicted.</param>
public sealed record AppendOutcome(AppendStatus Status, IReadOnlyList<AuditEntry> Entries, long CurrentVersion);

/// <summary>Whether an append was written.</summary>
public enum AppendStatus
{
    /// <summary>Written.</summary>
    Appended,

    /// <summary>Not written: the review changed since it was read.</summary>
    VersionConflict,

    /// <summary>Not written: the idempotency key was used meanwhile.</summary>
    IdempotencyConflict,

    /// <summary>Not written: the case already has an open review.</summary>
    OpenReviewExists,
}

/// <summary>What lists and queues need to know about a review without reading its record.</summary>
/// <param name="ReviewId">The review id.</param>
/// <param name="Department">The department id.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Action">The action kind (wire name).</param>
/// <param name="State">The state.</param>
/// <param name="Running">Whether the deadline clock runs.</param>
/// <param name="DueDate">The due date, or null.</param>
/// <param name="Version">The review's version.</param>
/// <param name="SubmittedAt">When it was first submitted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ReviewerId">The reviewer's account id, or null.</param>
/// <param name="Digest">The digest of the current decision.</param>
/// <param name="Title">A short title for lists: the first matched rule's wording.</param>
/// <param name="CounselPending">Whether a counsel opinion is needed and none given yet.</param>
/// <param name="ExtensionPending">Whether an extension awaits the head.</param>
/// <param name="ReviewerName">The reviewer's name, or null.</param>
/// <param name="Party">The party (当事人) of the current decision, or null when the case system did not name it.</param>
/// <param name="Cause">The cause (案由) of the current decision, or null when the case system did not name it.</param>
public sealed record ReviewIndexEntry(
    string ReviewId,
    string Department,
    string CaseId,
    string Action,
    ReviewState State,
    bool Running,
    DateOnly? DueDate,
    long Version,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? ReviewerId,
    string Digest,
    string Title,
    bool CounselPending,
    bool ExtensionPending,
    string? ReviewerName = null,
    string? Party = null,
    string? Cause = null);

/// <summary>What to list.</summary>
public sealed record ReviewQuery
{
    /// <summary>Gets the departments the caller may see; null for every department.</summary>
    public IReadOnlyList<string>? VisibleDepartments { get; init; }

    /// <summary>Gets one department to list, or null.</summary>
    public string? Department { get; init; }

    /// <summary>Gets the states to list; empty for all.</summary>
    public IReadOnlyList<ReviewState> States { get; init; } = [];

    /// <summary>Gets a value indicating whether the states asked for are exactly the open ones: the queue, which
    /// PostgreSQL serves from an index of its own.</summary>
    public bool OpenOnly => States.Count > 0 && States.ToHashSet().SetEquals(Enum.GetValues<ReviewState>().Where(s => !s.IsClosed()));

    /// <summary>Gets the action kind (wire name) to list, or null.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the reviewer whose reviews to list ("mine"), or null for every review the caller may see.</summary>
    public string? ReviewerId { get; init; }

    /// <summary>Gets the order of the page: soonest due first (the queue), or most recently changed first (concluded reviews,
    /// whose due dates no longer matter).</summary>
    public ReviewOrder Order { get; init; } = ReviewOrder.SoonestDue;

    /// <summary>Gets part of a case id to search for, or null.</summary>
    public string? CaseIdContains { get; init; }

    /// <summary>Gets the due state to list, or null.</summary>
    public DueState? Due { get; init; }

    /// <summary>Gets today's local date, for the due state.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Gets the next working day after today, for "due within one working day".</summary>
    public DateOnly NextWorkingDay { get; init; }

    /// <summary>Gets whether to list only reviews awaiting a counsel opinion.</summary>
    public bool CounselPendingOnly { get; init; }

    /// <summary>Gets whether to list only reviews with an extension awaiting the head.</summary>
    public bool ExtensionPendingOnly { get; init; }

    /// <summary>Gets the page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Gets the page size; the default value is 50.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>The order reviews are listed in; ties are broken by review id.</summary>
public enum ReviewOrder
{
    /// <summary>Soonest due date first, reviews without one last.</summary>
    SoonestDue,

    /// <summary>Most recently changed first.</summary>
    RecentlyChanged,
}

/// <summary>One page of reviews, soonest due first.</summary>
/// <param name="Items">The reviews.</param>
/// <param name="Total">How many reviews match in all.</param>
public sealed record ReviewPage(IReadOnlyList<ReviewIndexEntry> Items, int Total);

/// <summary>An idempotency key and what its first request produced.</summary>
/// <param name="Scope">What kind of request.</param>
/// <param name="Caller">Who sent it.</param>
/// <param name="Key">The key.</param>
/// <param name="RequestHash">The hash of the request's content, to tell a retry from a different request.</param>
/// <param name="ResourceId">What the first request produced (review or permit id); empty when it produced a refusal that is kept;
/// <see cref="FirstEntry"/> for the sequence number of the batch's first entry, which the store writes in its place.</param>
public sealed record IdempotencyRecord(string Scope, string Caller, string Key, string RequestHash, string ResourceId)
{
    /// <summary>Stands for the sequence number of the first entry of the batch the key is written with: known only once the
    /// store seals the entries.</summary>
    public const string FirstEntry = "{first-entry}";

    /// <summary>Gets the resource id as kept, given the entries sealed with the key.</summary>
    /// <param name="sealedEntries">The batch's entries, sealed.</param>
    /// <returns>The resource id, with <see cref="FirstEntry"/> replaced.</returns>
    public string ResourceIdAfter(IReadOnlyList<Records.AuditEntry> sealedEntries) =>
        ResourceId == FirstEntry ? sealedEntries[0].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : ResourceId;
}

/// <summary>The last classification of a case, to notice when it changes.</summary>
/// <param name="Department">The department id.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Classification">The classification (wire name).</param>
/// <param name="RuleIds">The matched rules.</param>
/// <param name="Digest">The decision's digest.</param>
public sealed record ClassificationRecord(string Department, string CaseId, string Classification, IReadOnlyList<string> RuleIds, string Digest);
