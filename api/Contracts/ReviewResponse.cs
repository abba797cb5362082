using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Classification;
using Fashen.Engine.Documents;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Contracts;

/// <summary>A review with everything a case system, a reviewer or counsel needs to see.</summary>
public sealed record ReviewResponse(
    string Id,
    string Department,
    string CaseId,
    string Action,
    string State,
    string StateLabel,
    int Round,
    long Version,
    string? Outcome,
    string? OutcomeLabel,
    string? OutcomeReason,
    ActorResponse? DecidedBy,
    DateTimeOffset? DecidedAt,
    JsonNode Decision,
    string Digest,
    CatalogueRef Catalogue,
    IReadOnlyList<RuleSummary> MatchedRules,
    IReadOnlyList<string> RequiredMaterials,
    IReadOnlyList<string> AttachedMaterials,
    IReadOnlyList<string> MissingMaterials,
    string? ReturnNote,
    IReadOnlyList<ChecklistEntryResponse> Checklist,
    IReadOnlyList<OpinionResponse> Opinions,
    bool CounselRequired,
    ActorResponse? Reviewer,
    ActorResponse SubmittedBy,
    string SubmitterName,
    IReadOnlyList<string> HandledBy,
    ReviewDeadlineResponse Deadline,
    ExtensionResponse? Extension,
    IReadOnlyList<RoundResponse> Rounds,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SubmittedDocument> Documents,
    string? DocumentsDigest,
    IReadOnlyList<MaterialResolution> Resolutions,
    IReadOnlyList<PaperDocumentResponse> PaperDocuments,
    SignOffResponse SignOff)
{
    public static ReviewResponse From(Review r, DueState due) => new(
        r.Id,
        r.Department,
        r.CaseId,
        r.Submission.Decision["action"]?.GetValue<string>() ?? string.Empty,
        r.State.ToWire(),
        r.State.ToChinese(),
        r.Round,
        r.Version,
        r.Outcome?.ToWire(),
        r.Outcome?.ToChinese(),
        r.OutcomeReason,
        r.Decided is { } decided ? ActorResponse.From(decided.By) : null,
        r.Decided?.At,
        r.Submission.Decision.DeepClone(),
        r.Submission.Digest,
        r.Submission.Catalogue,
        r.Submission.MatchedRules,
        r.Submission.RequiredMaterials,
        r.Submission.AttachedMaterials,
        r.MissingMaterials,
        r.ReturnNote,
        r.Checklist.Select(c => new ChecklistEntryResponse(
            c.Item.Id, c.Item.Title, c.Item.Question, c.Item.Source, c.Status.ToString().ToLowerInvariant(), c.Status.ToChinese(),
            c.Note, c.By is { } by ? ActorResponse.From(by) : null, c.At)).ToList(),
        r.Opinions.Select(o => new OpinionResponse(ActorResponse.From(o.By), o.Text, o.At, o.Round)).ToList(),
        r.CounselRequired,
        r.Reviewer is { } reviewer ? ActorResponse.From(reviewer) : null,
        ActorResponse.From(r.SubmittedBy),
        r.SubmitterName,
        r.HandledBy,
        new ReviewDeadlineResponse(
            r.Deadline.WorkingDays,
            r.Deadline.ExtensionWorkingDays,
            r.Deadline.ExtensionGranted,
            Date(r.Deadline.MaterialsCompleteOn),
            Date(r.Deadline.StartsOn),
            Date(r.Deadline.DueDate),
            due.ToWire(),
            due.ToChinese(),
            r.Deadline.DueUnknownReason,
            r.Deadline.ConsumedWorkingDays,
            r.Deadline.Running,
            r.Deadline.DueProvisionalReason),
        r.Extension is { } e
            ? new ExtensionResponse(
                ActorResponse.From(e.RequestedBy), e.Reason, e.At,
                e.Decision is { } d ? new ExtensionDecisionResponse(d.Approved, ActorResponse.From(d.By), d.Reason, d.At) : null)
            : null,
        r.Rounds.Select(x => new RoundResponse(
            x.Round, x.At, x.Digest, x.Resubmission, x.Changes.Select(c => new ChangeResponse(c.Key, c.Label, c.Before, c.After)).ToList(), x.MaterialsAdded, x.MaterialsRemoved,
            x.DocumentChanges)).ToList(),
        r.SubmittedAt,
        r.UpdatedAt,
        r.Submission.Documents ?? [],
        r.Submission.DocumentsDigest,
        r.Resolutions,
        r.PaperDocuments.Select(p => new PaperDocumentResponse(p.Document.Material, p.Document.Sha256, p.Document.FileName, p.Document.Size, p.Document.ContentType, p.Pages, ActorResponse.From(p.By), p.At)).ToList(),
        SignOffResponse.From(r));

    private static string? Date(DateOnly? date) => date is { } d ? Formatting.Date(d) : null;
}

/// <summary>The steps after the reviewer's opinion: whether the head confirms it and whether the heads must discuss the decision,
/// the opinion waiting for confirmation, each confirmation or sending back, each collective discussion, and what the gate still
/// needs (<c>missing</c>, empty once the decision may be made as far as these steps go).</summary>
public sealed record SignOffResponse(
    bool HeadConfirmationRequired,
    bool CollectiveDiscussionRequired,
    ProposalResponse? Proposal,
    IReadOnlyList<HeadSignOffResponse> HeadSignOffs,
    IReadOnlyList<DiscussionResponse> Discussions,
    IReadOnlyList<string> Missing)
{
    public static SignOffResponse From(Review r) => new(
        r.Submission.HeadConfirmation,
        r.DiscussionRequired,
        r.Proposal is { } p ? new ProposalResponse(p.Outcome.ToWire(), p.Outcome.ToChinese(), p.Reason, ActorResponse.From(p.By), p.At) : null,
        r.HeadSignOffs.Select(s => new HeadSignOffResponse(s.Confirmed, ActorResponse.From(s.By), s.At, s.Note, s.Round)).ToList(),
        r.Discussions.Select(d => new DiscussionResponse(
            Formatting.Date(d.HeldOn), d.Participants, d.Conclusion.ToWire(), d.Conclusion.ToChinese(), d.Summary, d.Minutes, ActorResponse.From(d.By), d.At, d.Round)).ToList(),
        r.State == ReviewState.Approved ? ReviewService.MissingSignOffs(r) : []);
}

public sealed record ProposalResponse(string Outcome, string OutcomeLabel, string? Reason, ActorResponse By, DateTimeOffset At);

public sealed record HeadSignOffResponse(bool Confirmed, ActorResponse By, DateTimeOffset At, string? Note, int Round);

public sealed record DiscussionResponse(
    string HeldOn, IReadOnlyList<string> Participants, string Conclusion, string ConclusionLabel, string? Summary, SubmittedDocument Minutes,
    ActorResponse RecordedBy, DateTimeOffset RecordedAt, int Round);

/// <summary>A scan of a document received on paper, added by a reviewer to the case file (not part of the approved digest).</summary>
public sealed record PaperDocumentResponse(
    string Material, string Sha256, string FileName, long Size, string ContentType, int? Pages, ActorResponse AddedBy, DateTimeOffset AddedAt);

public sealed record ActorResponse(string Kind, string Id, string Name)
{
    public static ActorResponse From(Actor actor) => new(actor.Kind switch
    {
        ActorKind.Person => "person",
        ActorKind.CaseSystem => "case_system",
        _ => "system",
    }, actor.Id, actor.Name);
}

public sealed record ChecklistEntryResponse(
    string Id, string Title, string Question, string Source, string Status, string StatusLabel, string? Note, ActorResponse? By, DateTimeOffset? At);

public sealed record OpinionResponse(ActorResponse By, string Text, DateTimeOffset At, int Round);

public sealed record ReviewDeadlineResponse(
    int WorkingDays,
    int ExtensionWorkingDays,
    bool ExtensionGranted,
    string? MaterialsCompleteOn,
    string? StartsOn,
    string? DueDate,
    string DueState,
    string DueStateLabel,
    string? DueUnknownReason,
    int ConsumedWorkingDays,
    bool Running,
    string? DueProvisionalReason);

public sealed record ExtensionResponse(ActorResponse RequestedBy, string Reason, DateTimeOffset At, ExtensionDecisionResponse? Decision);

public sealed record ExtensionDecisionResponse(bool Approved, ActorResponse By, string? Reason, DateTimeOffset At);

public sealed record RoundResponse(
    int Round, DateTimeOffset At, string Digest, bool Resubmission, IReadOnlyList<ChangeResponse> Changes,
    IReadOnlyList<string> MaterialsAdded, IReadOnlyList<string> MaterialsRemoved, IReadOnlyList<DocumentChange> DocumentChanges);

public sealed record ChangeResponse(string Key, string Label, string? Before, string? After);

/// <summary>A review in a list.</summary>
public sealed record ReviewSummary(
    string Id,
    string Department,
    string CaseId,
    string Action,
    string Title,
    string State,
    string StateLabel,
    string? DueDate,
    string DueState,
    string DueStateLabel,
    long Version,
    string? ReviewerId,
    string? ReviewerName,
    bool CounselPending,
    bool ExtensionPending,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? Party,
    string? Cause,
    string Tab)
{
    public static ReviewSummary From(ReviewIndexEntry e, DueState due) => new(
        e.ReviewId, e.Department, e.CaseId, e.Action, e.Title, e.State.ToWire(), e.State.ToChinese(),
        e.DueDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        due.ToWire(), due.ToChinese(), e.Version, e.ReviewerId, e.ReviewerName, e.CounselPending, e.ExtensionPending, e.SubmittedAt, e.UpdatedAt,
        e.Party, e.Cause, QueueTabs.Of(e.State).ToWire());
}

public sealed record ReviewListResponse(IReadOnlyList<ReviewSummary> Items, int Total, int Page, int PageSize);

/// <summary>One entry of the tamper-evident record.</summary>
/// <summary>One entry of the record: what it holds, in Chinese (<c>typeName</c>, <c>summary</c>) and as
/// recorded (<c>data</c>), with the hashes that chain it.</summary>
public sealed record RecordEntryResponse(
    long Sequence, DateTimeOffset At, string Type, string TypeName, string Summary, string? ReviewId, string? Department, ActorResponse Actor,
    JsonNode? Data, string PreviousHash, string Hash)
{
    public static RecordEntryResponse From(AuditEntry e) => new(
        e.Sequence, e.At, e.Type, RecordText.TypeName(e.Type), RecordText.Describe(e), e.ReviewId, e.Department, ActorResponse.From(e.Actor),
        JsonNode.Parse(e.Data), e.PreviousHash, e.Hash);
}

/// <summary>The outcome of verifying the record: the chain up to <c>entriesVerified</c> (entries appended while it ran
/// included), and <c>anchor</c>, the <c>序号:链头</c> of what was verified, to keep outside Fashen and pass back as
/// <c>?anchor=</c> later; null when the record is broken or empty.</summary>
public sealed record RecordVerificationResponse(
    bool Valid, long EntriesVerified, long? BrokenAt, string? Problem, string? Head, string? Anchor, IReadOnlyList<RecordDiscrepancyResponse> Discrepancies);

/// <summary>A difference between the record and what the store derives from it (a review's index, a permit).</summary>
public sealed record RecordDiscrepancyResponse(string? ReviewId, string? PermitId, string Problem, string? PublicationId);
