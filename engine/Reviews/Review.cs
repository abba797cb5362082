using System.Text.Json.Nodes;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>A review as its recorded events make it: nothing about a review is stored apart from its events.</summary>
public sealed class Review
{
    private readonly List<MaterialResolution> _resolutions = [];
    private readonly List<PaperDocument> _paperDocuments = [];
    private readonly List<ChecklistEntry> _checklist = [];
    private readonly List<OpinionEntry> _opinions = [];
    private readonly List<RoundEntry> _rounds = [];
    private readonly List<HeadSignOff> _headSignOffs = [];
    private readonly List<CollectiveDiscussion> _discussions = [];

    private Review(string id, string caseId, string department)
    {
        Id = id;
        CaseId = caseId;
        Department = department;
    }

    /// <summary>Gets the review id.</summary>
    public string Id { get; }

    /// <summary>Gets the case id.</summary>
    public string CaseId { get; }

    /// <summary>Gets the department id.</summary>
    public string Department { get; }

    /// <summary>Gets the number of events so far: the version a caller must name to change the review.</summary>
    public long Version { get; private set; }

    /// <summary>Gets the state.</summary>
    public ReviewState State { get; private set; }

    /// <summary>Gets the current round: 1, and one more after each 纠正 and resubmission.</summary>
    public int Round { get; private set; }

    /// <summary>Gets the decision and classification of the latest submission.</summary>
    public SubmittedDecision Submission { get; private set; } = null!;

    /// <summary>Gets who submitted the review.</summary>
    public Actor SubmittedBy { get; private set; } = null!;

    /// <summary>Gets the case handler named as submitting it.</summary>
    public string SubmitterName { get; private set; } = string.Empty;

    /// <summary>Gets everyone who handled the case.</summary>
    public IReadOnlyList<string> HandledBy { get; private set; } = [];

    /// <summary>Gets the accounts of the submitter and of everyone who handled the case, who may not review it; null for a
    /// review submitted before names were resolved to people.</summary>
    public IReadOnlyList<string>? HandlerAccounts { get; private set; }

    /// <summary>Gets when it was first submitted.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Gets when it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Gets the reviewer who took it, or null.</summary>
    public Actor? Reviewer { get; private set; }

    /// <summary>Gets the checklist of the current round.</summary>
    public IReadOnlyList<ChecklistEntry> Checklist => _checklist;

    /// <summary>Gets the counsel opinions, in the order given.</summary>
    public IReadOnlyList<OpinionEntry> Opinions => _opinions;

    /// <summary>Gets each submission and resubmission, in order.</summary>
    public IReadOnlyList<RoundEntry> Rounds => _rounds;

    /// <summary>Gets the materials still missing after the last return, or empty.</summary>
    public IReadOnlyList<string> MissingMaterials { get; private set; } = [];

    /// <summary>Gets how missing materials were resolved when the review was accepted without them (paper, or waived).</summary>
    public IReadOnlyList<MaterialResolution> Resolutions => _resolutions;

    /// <summary>Gets the scanned documents reviewers added, received on paper: part of the case file, not of the submission
    /// (the approval covers what the case system submitted, which it issues with).</summary>
    public IReadOnlyList<PaperDocument> PaperDocuments => _paperDocuments;

    /// <summary>Gets the note of the last return, or null.</summary>
    public string? ReturnNote { get; private set; }

    /// <summary>Gets the outcome, once recorded.</summary>
    public ReviewOutcome? Outcome { get; private set; }

    /// <summary>Gets the outcome's reason, or null.</summary>
    public string? OutcomeReason { get; private set; }

    /// <summary>Gets who recorded the outcome and when, or null.</summary>
    public (Actor By, DateTimeOffset At)? Decided { get; private set; }

    /// <summary>Gets the deadline clock.</summary>
    public DeadlineState Deadline { get; private set; } = new();

    /// <summary>Gets the pending or decided extension, or null.</summary>
    public ExtensionEntry? Extension { get; private set; }

    /// <summary>Gets the reviewer's opinion waiting for the head's confirmation, or null.</summary>
    public OutcomeProposal? Proposal { get; private set; }

    /// <summary>Gets the head's confirmations and sendings back, in order.</summary>
    public IReadOnlyList<HeadSignOff> HeadSignOffs => _headSignOffs;

    /// <summary>Gets the head's confirmation of the opinion in force, or null.</summary>
    public HeadSignOff? Confirmation => Outcome is null ? null : _headSignOffs.LastOrDefault(s => s.Confirmed && s.Round == Round);

    /// <summary>Gets the collective discussions recorded, in order.</summary>
    public IReadOnlyList<CollectiveDiscussion> Discussions => _discussions;

    /// <summary>Gets the latest collective discussion of the current round, or null.</summary>
    public CollectiveDiscussion? Discussion => _discussions.LastOrDefault(d => d.Round == Round);

    /// <summary>Gets a value indicating whether a matched rule requires the agency heads' collective discussion before the
    /// decision is made.</summary>
    public bool DiscussionRequired => Submission.MatchedRules.Any(r => r.RequiresCollectiveDiscussion);

    /// <summary>Gets a value indicating whether a matched rule requires a counsel opinion before 同意.</summary>
    public bool CounselRequired => Submission.MatchedRules.Any(r => r.RequiresCounselOpinion);

    /// <summary>Rebuilds a review from its events, in order.</summary>
    /// <param name="events">The review's entries and their events.</param>
    /// <returns>The review.</returns>
    public static Review Replay(IEnumerable<(AuditEntry Entry, ReviewEvent Event)> events)
    {
        Review? review = null;
        foreach (var (entry, reviewEvent) in events)
        {
            if (review is null)
            {
                var submitted = (ReviewSubmitted)reviewEvent;
                review = new Review(submitted.ReviewId, submitted.CaseId, submitted.Department);
            }

            review.Apply(entry, reviewEvent);
        }

        return review ?? throw new ArgumentException("A review has at least its submission event.", nameof(events));
    }

    /// <summary>Applies one more event.</summary>
    /// <param name="entry">The event's record entry (who, when).</param>
    /// <param name="reviewEvent">The event.</param>
    public void Apply(AuditEntry entry, ReviewEvent reviewEvent)
    {
        Version++;
        UpdatedAt = entry.At;
        switch (reviewEvent)
        {
            case ReviewSubmitted e:
                SubmittedAt = entry.At;
                SubmittedBy = entry.Actor;
                SubmitterName = e.SubmittedBy;
                HandledBy = e.HandledBy;
                HandlerAccounts = e.HandlerIds is { } ids ? [.. ids.Append(e.SubmitterId).OfType<string>().Distinct()] : null;
                StartRound(1, e.Submission, entry, [], [], [], []);
                Deadline = new DeadlineState { WorkingDays = e.Submission.DeadlineWorkingDays, ExtensionWorkingDays = e.Submission.ExtensionWorkingDays };
                break;
            case ReviewAccepted e:
                State = Reviewer is null ? ReviewState.Accepted : ReviewState.UnderReview;
                MissingMaterials = [];
                _resolutions.RemoveAll(r => e.Resolutions?.Any(n => n.Material == r.Material) == true);
                _resolutions.AddRange(e.Resolutions ?? []);
                Deadline = Deadline with
                {
                    MaterialsCompleteOn = e.MaterialsCompleteOn,
                    StartsOn = e.StartsOn,
                    DueDate = e.DueDate,
                    DueUnknownReason = e.DueUnknownReason,
                    DueProvisionalReason = e.DueProvisionalReason,
                    ConsumedWorkingDays = e.ConsumedWorkingDays,
                    Running = true,
                };
                break;
            case DeadlineRecomputed e:
                Deadline = Deadline with { StartsOn = e.StartsOn ?? Deadline.StartsOn, DueDate = e.DueDate, DueUnknownReason = null, DueProvisionalReason = e.DueProvisionalReason };
                break;
            case ReviewReturned e:
                State = ReviewState.Returned;
                MissingMaterials = e.MissingMaterials;
                ReturnNote = e.Note;
                Deadline = Deadline with { ConsumedWorkingDays = e.ConsumedWorkingDays, Running = false, DueDate = null, DueProvisionalReason = null };
                break;
            case ReviewResubmitted e:
                if (e.NewRound)
                {
                    StartRound(e.Round, e.Submission, entry, e.Changes, e.MaterialsAdded, e.MaterialsRemoved, e.DocumentChanges ?? []);
                    Outcome = null;
                    OutcomeReason = null;
                    Decided = null;
                    Proposal = null;
                    Extension = null;
                    Deadline = new DeadlineState { WorkingDays = e.Submission.DeadlineWorkingDays, ExtensionWorkingDays = e.Submission.ExtensionWorkingDays };
                }
                else
                {
                    Submission = e.Submission;
                    _rounds.Add(new RoundEntry(Round, entry.At, e.Submission.Digest, e.Changes, e.MaterialsAdded, e.MaterialsRemoved, Resubmission: true, e.DocumentChanges ?? []));
                }

                State = ReviewState.Returned;
                break;
            case ReviewAssigned e:
                Reviewer = e.Reviewer;
                if (State == ReviewState.Accepted)
                {
                    State = ReviewState.UnderReview;
                }

                break;
            case ReviewReleased:
                Reviewer = null;
                if (State == ReviewState.UnderReview)
                {
                    State = ReviewState.Accepted;
                }

                break;
            case ReviewTransferred e:
                Reviewer = e.To;
                if (State == ReviewState.Accepted)
                {
                    State = ReviewState.UnderReview;
                }

                break;
            case ChecklistItemRecorded e:
                var index = _checklist.FindIndex(c => c.Item.Id == e.ItemId);
                _checklist[index] = _checklist[index] with { Status = e.Status, Note = e.Note, By = entry.Actor, At = entry.At };
                break;
            case OpinionAdded e:
                _opinions.Add(new OpinionEntry(entry.Actor, e.Text, entry.At, Round));
                break;
            case PaperDocumentAdded e:
                _paperDocuments.Add(new PaperDocument(new Documents.SubmittedDocument(e.Material, e.Sha256, e.FileName, e.Size, e.ContentType), e.Pages, entry.Actor, entry.At));
                break;
            case ExtensionRequested e:
                Extension = new ExtensionEntry(entry.Actor, e.Reason, entry.At, null);
                break;
            case ExtensionDecided e:
                Extension = Extension! with { Decision = new ExtensionDecision(e.Approved, entry.Actor, e.Reason, entry.At) };
                if (e.Approved)
                {
                    Deadline = Deadline with
                    {
                        ExtensionGranted = true,
                        DueDate = e.DueDate ?? Deadline.DueDate,
                        DueProvisionalReason = e.DueDate is null ? Deadline.DueProvisionalReason : e.DueProvisionalReason,
                    };
                }

                break;
            case OutcomeProposed e:
                Proposal = new OutcomeProposal(e.Outcome, e.Reason, entry.Actor, entry.At);
                State = ReviewState.AwaitingConfirmation;
                break;
            case ProposalReturned e:
                Proposal = null;
                _headSignOffs.Add(new HeadSignOff(false, entry.Actor, entry.At, e.Reason, Round));
                State = ReviewState.UnderReview;
                break;
            case CollectiveDiscussionRecorded e:
                _discussions.Add(new CollectiveDiscussion(e.HeldOn, e.Participants, e.Conclusion, e.Summary, e.Minutes, entry.Actor, entry.At, Round));
                break;
            case OutcomeRecorded e:
                Outcome = e.Outcome;
                OutcomeReason = e.Reason;

                // Confirmed by the head: the opinion is the reviewer's, given when proposed; the head signs it off.
                if (Proposal is { } proposal)
                {
                    Decided = (proposal.By, proposal.At);
                    _headSignOffs.Add(new HeadSignOff(true, entry.Actor, entry.At, e.ConfirmationNote, Round));
                    Proposal = null;
                }
                else
                {
                    Decided = (entry.Actor, entry.At);
                }

                State = e.Outcome switch
                {
                    ReviewOutcome.Approve => ReviewState.Approved,
                    ReviewOutcome.Correct => ReviewState.Correcting,
                    ReviewOutcome.Reject => ReviewState.Rejected,
                    _ => ReviewState.Referred,
                };
                Deadline = Deadline with { Running = false };
                break;
        }
    }

    /// <summary>Gets what lists, queues and the gate's lookup keep of the review (the store's index): derived from the
    /// events here only, so that the live path and record verification derive it alike.</summary>
    /// <returns>The index entry.</returns>
    public ReviewIndexEntry ToIndexEntry() => new(
        Id,
        Department,
        CaseId,
        Submission.Decision["action"]?.GetValue<string>() ?? string.Empty,
        State,
        Deadline.Running,
        Deadline.DueDate,
        Version,
        SubmittedAt,
        UpdatedAt,
        Reviewer?.Id,
        Submission.Digest,
        Submission.MatchedRules.FirstOrDefault()?.Title ?? string.Empty,
        CounselRequired && !State.IsClosed() && !Opinions.Any(o => o.Round == Round),
        Extension is { Decision: null },
        Reviewer?.Name,
        DecisionText("party"),
        DecisionText("cause"));

    private string? DecisionText(string field) => Submission.Decision[field]?.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>Finds a checklist entry.</summary>
    /// <param name="itemId">The item id.</param>
    /// <returns>The entry, or null.</returns>
    public ChecklistEntry? FindChecklistItem(string itemId) => _checklist.FirstOrDefault(c => c.Item.Id == itemId);

    private void StartRound(
        int round, SubmittedDecision submission, AuditEntry entry, IReadOnlyList<Decisions.DecisionChange> changes,
        IReadOnlyList<string> added, IReadOnlyList<string> removed, IReadOnlyList<Documents.DocumentChange> documentChanges)
    {
        Round = round;
        Submission = submission;
        Reviewer = round == 1 ? null : Reviewer;
        _checklist.Clear();
        _checklist.AddRange(submission.Checklist.Select(item => new ChecklistEntry(item, ChecklistStatus.Pending, null, null, null)));
        _rounds.Add(new RoundEntry(round, entry.At, submission.Digest, changes, added, removed, Resubmission: round > 1, documentChanges));
    }

    /// <summary>Reads the current decision's canonical facts, by key.</summary>
    /// <returns>Fact key to canonical value text.</returns>
    public IReadOnlyDictionary<string, string> CurrentFacts() =>
        (Submission.Decision["facts"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => CanonicalJson.Serialize(p.Value), StringComparer.Ordinal);
}

/// <summary>A checklist item and what the reviewer found.</summary>
/// <param name="Item">The item.</param>
/// <param name="Status">What was found.</param>
/// <param name="Note">The note, or null.</param>
/// <param name="By">Who checked it, or null.</param>
/// <param name="At">When, or null.</param>
public sealed record ChecklistEntry(ChecklistDefinition Item, ChecklistStatus Status, string? Note, Actor? By, DateTimeOffset? At);

/// <summary>A scanned document a reviewer added, received on paper.</summary>
/// <param name="Document">The scan, as the case file lists it.</param>
/// <param name="Pages">The paper pages it scans, when said.</param>
/// <param name="By">The reviewer who added it.</param>
/// <param name="At">When.</param>
public sealed record PaperDocument(Documents.SubmittedDocument Document, int? Pages, Actor By, DateTimeOffset At);

/// <summary>A counsel opinion.</summary>
/// <param name="By">The counsel.</param>
/// <param name="Text">The opinion.</param>
/// <param name="At">When it was given.</param>
/// <param name="Round">The round it was given in.</param>
public sealed record OpinionEntry(Actor By, string Text, DateTimeOffset At, int Round);

/// <summary>A submission or resubmission.</summary>
/// <param name="Round">The round.</param>
/// <param name="At">When it arrived.</param>
/// <param name="Digest">The decision's digest.</param>
/// <param name="Changes">How the facts changed since the submission before.</param>
/// <param name="MaterialsAdded">Materials added since the submission before.</param>
/// <param name="MaterialsRemoved">Materials no longer attached.</param>
/// <param name="Resubmission">Whether this was a resubmission.</param>
/// <param name="DocumentChanges">Files added, removed or changed since the submission before.</param>
public sealed record RoundEntry(
    int Round,
    DateTimeOffset At,
    string Digest,
    IReadOnlyList<Decisions.DecisionChange> Changes,
    IReadOnlyList<string> MaterialsAdded,
    IReadOnlyList<string> MaterialsRemoved,
    bool Resubmission,
    IReadOnlyList<Documents.DocumentChange> DocumentChanges);

/// <summary>An extension request and, once decided, its decision.</summary>
/// <param name="RequestedBy">The reviewer who asked.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="Decision">The head's decision, or null while pending.</param>
public sealed record ExtensionEntry(Actor RequestedBy, string Reason, DateTimeOffset At, ExtensionDecision? Decision);

/// <summary>The head's decision on an extension.</summary>
/// <param name="Approved">Whether it was approved.</param>
/// <param name="By">The head (负责人).</param>
/// <param name="Reason">The head's reason, or null.</param>
/// <param name="At">When.</param>
public sealed record ExtensionDecision(bool Approved, Actor By, string? Reason, DateTimeOffset At);

/// <summary>The review's deadline clock.</summary>
public sealed record DeadlineState
{
    /// <summary>Gets the deadline in working days.</summary>
    public int WorkingDays { get; init; }

    /// <summary>Gets how many working days one extension may add.</summary>
    public int ExtensionWorkingDays { get; init; }

    /// <summary>Gets a value indicating whether the extension was granted.</summary>
    public bool ExtensionGranted { get; init; }

    /// <summary>Gets the day the materials were last complete, or null.</summary>
    public DateOnly? MaterialsCompleteOn { get; init; }

    /// <summary>Gets the first working day counted since then, or null.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>Gets the last day of the review, or null while paused, not started, or when the calendar lacks the year.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Gets why the due date is unknown, or null.</summary>
    public string? DueUnknownReason { get; init; }

    /// <summary>Gets why the due date is provisional (暂定), or null when it is official.</summary>
    public string? DueProvisionalReason { get; init; }

    /// <summary>Gets a value indicating whether the due date waits on the calendar: provisional, or unknown while the clock runs.</summary>
    public bool AwaitsCalendar => Running && (DueProvisionalReason is not null || (DueDate is null && DueUnknownReason is not null));

    /// <summary>Gets the working days used before the current running stretch.</summary>
    public int ConsumedWorkingDays { get; init; }

    /// <summary>Gets a value indicating whether the clock runs (accepted and not decided).</summary>
    public bool Running { get; init; }

    /// <summary>Gets the total working days allowed, with the extension when granted.</summary>
    public int TotalWorkingDays => WorkingDays + (ExtensionGranted ? ExtensionWorkingDays : 0);

    /// <summary>Counts the working days the review has used by a day: those before the current stretch and those since the materials
    /// were last complete (pauses for 补正 left out).</summary>
    /// <param name="day">The day, such as the day of its outcome.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The days, or null when the clock never started or the calendar lacks a year between.</returns>
    public int? WorkingDaysUsedBy(DateOnly day, Calendar.WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return MaterialsCompleteOn is { } since && calendar.CountWorkingDays(since, day) is ({ } used, _) ? ConsumedWorkingDays + used : null;
    }
}
