using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Fashen.Api.Contracts;

/// <summary>A decision as a case system sends it (see docs/decisions.md). Dates run from 1990-01-01 to 2099-12-31, amounts
/// up to 10^15 元 with at most two decimals; a key written twice is refused.</summary>
public sealed record DecisionRequest(
    [property: MaxLength(Engine.Decisions.DecisionBinder.MaxCaseIdLength)] string CaseId,
    [property: MaxLength(32)] string Department,
    string Action,
    string Procedure,
    [property: RegularExpression(@"^\d{4}-\d{2}-\d{2}$")] string? ProposedOn,
    Dictionary<string, JsonElement>? Facts,
    [property: MaxLength(Engine.Decisions.DecisionBinder.MaxPartyLength)] string? Party = null,
    [property: RegularExpression(@"^\d{4}-\d{2}-\d{2}$")] string? FiledOn = null,
    [property: MaxLength(Engine.Decisions.DecisionBinder.MaxCauseLength)] string? Cause = null);

/// <summary>Submits (or resubmits) a decision for review. <c>submittedBy</c> and <c>handledBy</c> name people of the
/// department known to the service, by name or sign-in name. Each of <c>materials</c> is a material's name, or
/// <c>{"name": …, "files": [{"sha256": …, "fileName": …}]}</c> naming files uploaded before (PUT /v1/files/{sha256}).</summary>
public sealed record SubmitReviewRequest(
    DecisionRequest Decision,
    [property: MaxLength(Reviews.ReviewsApi.MaxMaterials)] IReadOnlyList<JsonElement>? Materials,
    [property: MaxLength(Reviews.ReviewsApi.MaxNameLength)] string? SubmittedBy,
    [property: MaxLength(Reviews.ReviewsApi.MaxPeople)] IReadOnlyList<string>? HandledBy);

/// <summary>Asks whether a decision may be issued now.</summary>
/// <summary>Asks to issue a decision. <c>materials</c> names the documents that go with it, written as in the submission
/// (a name, or <c>{"name", "files": [{"sha256", "fileName"}]}</c>); a reviewed decision's approval covers its documents, so
/// for a decision submitted with files the request must name them, and they must be the approved ones.</summary>
public sealed record IssuanceRequest(DecisionRequest Decision, [property: MaxLength(Reviews.ReviewsApi.MaxMaterials)] IReadOnlyList<JsonElement>? Materials = null);

/// <summary>Names the review version the caller saw, for optimistic concurrency.</summary>
public sealed record VersionRequest([property: Required] long? Version);

/// <summary>Accepts a review's materials. Each material still missing is resolved: <c>how</c> is <c>paper</c> (纸质材料已收,
/// with <c>pages</c>) or <c>waived</c> (免予提交, with <c>reason</c>).</summary>
public sealed record AcceptanceRequest(
    [property: Required] long? Version,
    [property: MaxLength(Reviews.ReviewsApi.MaxMaterials)] IReadOnlyList<MaterialResolutionRequest>? Resolutions);

/// <summary>How one missing material was resolved.</summary>
public sealed record MaterialResolutionRequest(
    [property: Required, MaxLength(Reviews.ReviewsApi.MaxMaterialLength)] string? Material,
    [property: Required] string? How,
    int? Pages,
    [property: MaxLength(Engine.Reviews.MaterialResolution.MaxReasonLength)] string? Reason);

public sealed record ReturnRequest([property: Required] long? Version, [property: Required, MinLength(1)] IReadOnlyList<string>? MissingMaterials, string? Note);

public sealed record ChecklistRequest([property: Required] long? Version, [property: Required] string? Status, string? Note);

public sealed record OpinionRequest([property: Required] string? Text);

/// <summary>Gives a review back, so that any reviewer of the department may take it.</summary>
public sealed record ReleaseRequest(
    [property: Required] long? Version,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxHandoverReasonLength)] string? Reason);

/// <summary>Hands a review to another reviewer, named by sign-in name.</summary>
public sealed record TransferRequest(
    [property: Required] long? Version,
    [property: Required, MaxLength(64)] string? To,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxHandoverReasonLength)] string? Reason);

public sealed record ExtensionRequestBody([property: Required] long? Version, [property: Required] string? Reason);

public sealed record ExtensionDecisionRequest([property: Required] long? Version, [property: Required] bool? Approved, string? Reason);

/// <summary>The head confirms the reviewer's opinion (<c>confirmed: true</c>, with an optional note) or sends it back to the
/// reviewer (<c>confirmed: false</c>, with the reason).</summary>
public sealed record ConfirmationRequest(
    [property: Required] long? Version,
    [property: Required] bool? Confirmed,
    [property: MaxLength(Engine.Reviews.ReviewService.MaxHandoverReasonLength)] string? Note);

/// <summary>The agency heads' collective discussion of an approved decision: the day (yyyy-MM-dd), the participants (presiding
/// first, at least two), the conclusion (<c>agree</c> 同意作出决定 or <c>disagree</c> 不同意作出决定), the minutes in brief, and the
/// minutes file uploaded before (PUT /v1/files/{sha256}).</summary>
public sealed record DiscussionRequest(
    [property: Required] long? Version,
    [property: Required, RegularExpression(@"^\d{4}-\d{2}-\d{2}$")] string? HeldOn,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxParticipants)] IReadOnlyList<string>? Participants,
    [property: Required] string? Conclusion,
    [property: MaxLength(Engine.Reviews.ReviewService.MaxDiscussionSummaryLength)] string? Summary,
    [property: Required] MinutesReference? Minutes);

/// <summary>A file uploaded before, by its SHA-256, with its name.</summary>
public sealed record MinutesReference(
    [property: Required, MinLength(64), MaxLength(64)] string? Sha256,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxPaperNameLength)] string? FileName);

public sealed record OutcomeRequest([property: Required] long? Version, [property: Required] string? Outcome, string? Reason);

public sealed record PermitVerificationRequest([property: Required] string? Token);

public sealed record TokenRequest(
    [property: Required, MaxLength(Engine.Access.PersonNames.MaxLength)] string? Username, [property: Required, MaxLength(1024)] string? Password);

/// <summary>Adds a scanned paper document to a review's case file.</summary>
/// <param name="Version">The review's version the reviewer saw.</param>
/// <param name="Material">The material it is.</param>
/// <param name="Sha256">The scan's SHA-256, uploaded before by the reviewer (PUT /v1/files/{sha256}).</param>
/// <param name="FileName">Its name, for display.</param>
/// <param name="Pages">The paper pages it scans, if known.</param>
public sealed record PaperDocumentRequest(
    [property: Required] long? Version,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxPaperNameLength)] string? Material,
    [property: Required, MinLength(64), MaxLength(64)] string? Sha256,
    [property: Required, MaxLength(Engine.Reviews.ReviewService.MaxPaperNameLength)] string? FileName,
    int? Pages);
