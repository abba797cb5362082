using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Fashen.Engine.Decisions;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Something that happened to a review, as recorded in the audit log. Who did it and when
/// come from the log entry, not from the event.</summary>
public abstract record ReviewEvent;

/// <summary>Which catalogue version classified a decision.</summary>
/// <param name="Id">The department id.</param>
/// <param name="Version">The catalogue's version.</param>
/// <param name="Revision">The content hash of the catalogue and its schema.</param>
/// <param name="Commit">The git commit the catalogue was read at, or null.</param>
public sealed record CatalogueRef(string Id, string Version, string Revision, string? Commit = null);

/// <summary>A rule that made a decision major, as the reviewer sees it.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">The catalogue's wording.</param>
/// <param name="Basis">Legal basis citations.</param>
/// <param name="Explanation">Why it matched, with values and thresholds.</param>
/// <param name="RequiresCounselOpinion">Whether 同意 needs a counsel opinion first.</param>
/// <param name="RequiresCollectiveDiscussion">Whether the agency heads must discuss the decision collectively (集体讨论) before
/// it is made: the gate permits it only after a discussion that agreed is recorded.</param>
public sealed record RuleSummary(string Id, string Title, IReadOnlyList<string> Basis, string Explanation, bool RequiresCounselOpinion, bool RequiresCollectiveDiscussion = false);

/// <summary>A checklist item of a review round.</summary>
/// <param name="Id">The item id, stable within the review.</param>
/// <param name="Title">The short title.</param>
/// <param name="Question">What to check.</param>
/// <param name="Source">审核要点, or the rule id that adds it.</param>
public sealed record ChecklistDefinition(string Id, string Title, string Question, string Source);

/// <summary>What a decision is and why it needs review, as submitted (first round) or resubmitted.</summary>
/// <param name="Decision">The decision's canonical form.</param>
/// <param name="Digest">The digest of the canonical form.</param>
/// <param name="Catalogue">The catalogue version that classified it.</param>
/// <param name="MatchedRules">The rules that matched.</param>
/// <param name="Checklist">The checklist for the round.</param>
/// <param name="RequiredMaterials">The materials the catalogue requires.</param>
/// <param name="AttachedMaterials">The materials the case system attached.</param>
/// <param name="DeadlineWorkingDays">The review deadline in working days.</param>
/// <param name="ExtensionWorkingDays">How many working days one extension may add; 0 for none.</param>
/// <param name="Documents">The files of the materials; null in records written before files were kept.</param>
/// <param name="DocumentsDigest">The digest of the documents (<see cref="Documents.SubmittedDocuments.Digest(IReadOnlyList{Documents.SubmittedDocument}?)"/>), which an
/// approval covers with the decision's; null when there are none.</param>
/// <param name="HeadConfirmation">Whether the catalogue has the legal office's head confirm the reviewer's opinion (法制机构负责人确认)
/// before it takes effect.</param>
public sealed record SubmittedDecision(
    JsonNode Decision,
    string Digest,
    CatalogueRef Catalogue,
    IReadOnlyList<RuleSummary> MatchedRules,
    IReadOnlyList<ChecklistDefinition> Checklist,
    IReadOnlyList<string> RequiredMaterials,
    IReadOnlyList<string> AttachedMaterials,
    int DeadlineWorkingDays,
    int ExtensionWorkingDays,
    IReadOnlyList<Documents.SubmittedDocument>? Documents = null,
    string? DocumentsDigest = null,
    bool HeadConfirmation = false)
{
    /// <summary>Tells whether a submission is this one again: the same decision with the same documents.</summary>
    /// <param name="digest">The decision's digest.</param>
    /// <param name="documentsDigest">The documents' digest, or null when there are none.</param>
    /// <returns>True when both are the same.</returns>
    public bool IsSame(string digest, string? documentsDigest) => Digest == digest && DocumentsDigest == documentsDigest;
}

/// <summary>A case system submitted a major decision for review.</summary>
/// <param name="ReviewId">The new review's id.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Department">The department id.</param>
/// <param name="SubmittedOn">The local date of submission.</param>
/// <param name="Submission">The decision and its classification.</param>
/// <param name="SubmittedBy">The case handler who submitted it.</param>
/// <param name="HandledBy">Everyone who handled the case (承办人), who may not review it.</param>
/// <param name="SubmitterId">The account of the person who submitted it; null in records written before people were resolved.</param>
/// <param name="HandlerIds">The accounts of everyone who handled it; null in records written before people were resolved.</param>
public sealed record ReviewSubmitted(
    string ReviewId,
    string CaseId,
    string Department,
    DateOnly SubmittedOn,
    SubmittedDecision Submission,
    string SubmittedBy,
    IReadOnlyList<string> HandledBy,
    string? SubmitterId = null,
    IReadOnlyList<string>? HandlerIds = null) : ReviewEvent;

/// <summary>The materials are complete: the clock starts (or resumes) on the next working day.</summary>
/// <param name="MaterialsCompleteOn">The day the materials were complete.</param>
/// <param name="StartsOn">The first working day counted, or null when the calendar lacks the year.</param>
/// <param name="DueDate">The last day of the review, or null when the calendar lacks the year.</param>
/// <param name="ConsumedWorkingDays">Working days already used before a pause.</param>
/// <param name="DueUnknownReason">Why the due date is unknown, in Chinese, or null.</param>
/// <param name="Automatic">Whether Fashen accepted on its own because every required material was attached.</param>
/// <param name="Resolutions">How each material still missing was resolved by the reviewer who accepted; null when none was.</param>
/// <param name="DueProvisionalReason">Why the due date is provisional (暂定: a year's holiday arrangement not loaded), or null.</param>
public sealed record ReviewAccepted(
    DateOnly MaterialsCompleteOn,
    DateOnly? StartsOn,
    DateOnly? DueDate,
    int ConsumedWorkingDays,
    string? DueUnknownReason,
    bool Automatic,
    IReadOnlyList<MaterialResolution>? Resolutions = null,
    string? DueProvisionalReason = null) : ReviewEvent;

/// <summary>Returned for missing materials (补正): the clock pauses.</summary>
/// <param name="MissingMaterials">What must be supplied.</param>
/// <param name="Note">The reviewer's note, or null.</param>
/// <param name="ConsumedWorkingDays">Working days used so far.</param>
/// <param name="Automatic">Whether Fashen returned it on its own because required materials were not attached.</param>
public sealed record ReviewReturned(IReadOnlyList<string> MissingMaterials, string? Note, int ConsumedWorkingDays, bool Automatic) : ReviewEvent;

/// <summary>The case system resubmitted: after 补正 the same round goes on; after 纠正 a new round starts.</summary>
/// <param name="Round">The round the resubmission belongs to.</param>
/// <param name="NewRound">Whether this starts a new round (after 纠正): the checklist starts afresh.</param>
/// <param name="SubmittedOn">The local date of resubmission.</param>
/// <param name="Submission">The decision and its classification now.</param>
/// <param name="Changes">How the facts changed since the previous submission.</param>
/// <param name="MaterialsAdded">Materials attached now that were not before.</param>
/// <param name="MaterialsRemoved">Materials attached before that are not now.</param>
/// <param name="DocumentChanges">Files added, removed or changed since the submission before; null in older records.</param>
public sealed record ReviewResubmitted(
    int Round,
    bool NewRound,
    DateOnly SubmittedOn,
    SubmittedDecision Submission,
    IReadOnlyList<DecisionChange> Changes,
    IReadOnlyList<string> MaterialsAdded,
    IReadOnlyList<string> MaterialsRemoved,
    IReadOnlyList<Documents.DocumentChange>? DocumentChanges = null) : ReviewEvent;

/// <summary>A reviewer took the review.</summary>
/// <param name="Reviewer">The reviewer.</param>
public sealed record ReviewAssigned(Actor Reviewer) : ReviewEvent;

/// <summary>The reviewer who held the review gave it back (退回领取), or the head took it from them: nobody holds it now, and
/// any reviewer of the department may take it.</summary>
/// <param name="From">The reviewer who held it.</param>
/// <param name="Reason">Why.</param>
public sealed record ReviewReleased(Actor From, string Reason) : ReviewEvent;

/// <summary>The review was handed to another reviewer (转交), by the reviewer who held it or by the head.</summary>
/// <param name="From">The reviewer who held it, or null when nobody did.</param>
/// <param name="To">The reviewer who holds it now.</param>
/// <param name="Reason">Why.</param>
public sealed record ReviewTransferred(Actor? From, Actor To, string Reason) : ReviewEvent;

/// <summary>A checklist item was checked.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Status">What was found.</param>
/// <param name="Note">The note, or null.</param>
public sealed record ChecklistItemRecorded(string ItemId, ChecklistStatus Status, string? Note) : ReviewEvent;

/// <summary>Legal counsel gave an opinion.</summary>
/// <param name="Text">The opinion.</param>
public sealed record OpinionAdded(string Text) : ReviewEvent;

/// <summary>The reviewer asked the head to extend the deadline.</summary>
/// <param name="Reason">Why.</param>
public sealed record ExtensionRequested(string Reason) : ReviewEvent;

/// <summary>The head approved or refused the extension.</summary>
/// <param name="Approved">Whether it was approved.</param>
/// <param name="Reason">The head's reason, or null.</param>
/// <param name="AddedWorkingDays">The working days added; 0 when refused.</param>
/// <param name="DueDate">The new due date, or null when refused, paused, or the calendar lacks the year.</param>
/// <param name="DueProvisionalReason">Why the new due date is provisional, or null.</param>
public sealed record ExtensionDecided(bool Approved, string? Reason, int AddedWorkingDays, DateOnly? DueDate, string? DueProvisionalReason = null) : ReviewEvent;

/// <summary>The due date computed again because the working calendar changed: a year's holiday arrangement was loaded, so a
/// provisional (暂定) or unknown due date is now official.</summary>
/// <param name="StartsOn">The first working day counted.</param>
/// <param name="DueDate">The due date now.</param>
/// <param name="PreviousDueDate">The due date before, or null when it was unknown.</param>
/// <param name="DueProvisionalReason">Why the due date is still provisional, or null when it is official.</param>
public sealed record DeadlineRecomputed(DateOnly? StartsOn, DateOnly DueDate, DateOnly? PreviousDueDate, string? DueProvisionalReason) : ReviewEvent;

/// <summary>The outcome (审核意见) took effect: recorded by the reviewer, or, where the catalogue has the head confirm it, by the
/// head confirming the reviewer's <see cref="OutcomeProposed"/> (the opinion stays the reviewer's).</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Reason">The written reason, or null for a plain 同意.</param>
/// <param name="ConfirmationNote">The head's note on confirming, or null.</param>
public sealed record OutcomeRecorded(ReviewOutcome Outcome, string? Reason, string? ConfirmationNote = null) : ReviewEvent;

/// <summary>A reviewer added to the case file a scanned document received on paper (纸质材料扫描件).</summary>
/// <param name="Material">The material it is.</param>
/// <param name="Sha256">The scan's SHA-256, stored in the case file.</param>
/// <param name="FileName">Its name, for display.</param>
/// <param name="Size">Its size.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Pages">How many paper pages it scans, when said.</param>
public sealed record PaperDocumentAdded(string Material, string Sha256, string FileName, long Size, string ContentType, int? Pages) : ReviewEvent;

/// <summary>Writes and reads review events as the canonical JSON kept in the record.</summary>
public static class ReviewEventSerializer
{
    private static readonly (string Type, Type Clr)[] Types =
    [
        ("review.submitted", typeof(ReviewSubmitted)),
        ("review.accepted", typeof(ReviewAccepted)),
        ("review.returned", typeof(ReviewReturned)),
        ("review.resubmitted", typeof(ReviewResubmitted)),
        ("review.assigned", typeof(ReviewAssigned)),
        ("review.released", typeof(ReviewReleased)),
        ("review.transferred", typeof(ReviewTransferred)),
        ("review.checklist_recorded", typeof(ChecklistItemRecorded)),
        ("review.opinion_added", typeof(OpinionAdded)),
        ("review.extension_requested", typeof(ExtensionRequested)),
        ("review.extension_decided", typeof(ExtensionDecided)),
        ("review.outcome_proposed", typeof(OutcomeProposed)),
        ("review.proposal_returned", typeof(ProposalReturned)),
        ("review.decided", typeof(OutcomeRecorded)),
        ("review.collective_discussion_recorded", typeof(CollectiveDiscussionRecorded)),
        ("review.paper_document_added", typeof(PaperDocumentAdded)),
        ("review.deadline_recomputed", typeof(DeadlineRecomputed)),
    ];

    /// <summary>Gets the options every record payload is written with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Gets the record type name of an event.</summary>
    /// <param name="reviewEvent">The event.</param>
    /// <returns>The type name, such as <c>review.submitted</c>.</returns>
    public static string TypeOf(ReviewEvent reviewEvent) => Types.First(t => t.Clr == reviewEvent.GetType()).Type;

    /// <summary>Tells whether a record type is a review event.</summary>
    /// <param name="type">The type name.</param>
    /// <returns>True for review events.</returns>
    public static bool IsReviewEvent(string type) => Types.Any(t => t.Type == type);

    /// <summary>Writes an event as canonical JSON.</summary>
    /// <param name="reviewEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ReviewEvent reviewEvent) =>
        CanonicalJson.Serialize(JsonSerializer.SerializeToNode(reviewEvent, reviewEvent.GetType(), Options));

    /// <summary>Reads an event back.</summary>
    /// <param name="type">The record type name.</param>
    /// <param name="data">The JSON text.</param>
    /// <returns>The event.</returns>
    public static ReviewEvent Deserialize(string type, string data) =>
        (ReviewEvent)JsonSerializer.Deserialize(data, Types.First(t => t.Type == type).Clr, Options)!;
}
