using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Fashen.Api.Contracts;

/// <summary>A decision as a case system sends it (see docs/decisions.md).</summary>
public sealed record DecisionRequest(
    string CaseId,
    string Department,
    string Action,
    string Procedure,
    string? ProposedOn,
    Dictionary<string, JsonElement>? Facts,
    string? Party = null,
    string? FiledOn = null);

/// <summary>Submits (or resubmits) a decision for review.</summary>
public sealed record SubmitReviewRequest(
    DecisionRequest Decision,
    IReadOnlyList<string>? Materials,
    string? SubmittedBy,
    IReadOnlyList<string>? HandledBy);

/// <summary>Asks whether a decision may be issued now.</summary>
public sealed record IssuanceRequest(DecisionRequest Decision);

/// <summary>Names the review version the caller saw, for optimistic concurrency.</summary>
public sealed record VersionRequest([property: Required] long? Version);

public sealed record ReturnRequest([property: Required] long? Version, [property: Required, MinLength(1)] IReadOnlyList<string>? MissingMaterials, string? Note);

public sealed record ChecklistRequest([property: Required] long? Version, [property: Required] string? Status, string? Note);

public sealed record OpinionRequest([property: Required] string? Text);

public sealed record ExtensionRequestBody([property: Required] long? Version, [property: Required] string? Reason);

public sealed record ExtensionDecisionRequest([property: Required] long? Version, [property: Required] bool? Approved, string? Reason);

public sealed record OutcomeRequest([property: Required] long? Version, [property: Required] string? Outcome, string? Reason);

public sealed record PermitVerificationRequest([property: Required] string? Token);

public sealed record TokenRequest([property: Required] string? Username, [property: Required] string? Password);
