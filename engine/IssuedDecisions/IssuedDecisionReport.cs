using Fashen.Engine.Decisions;

namespace Fashen.Engine.IssuedDecisions;

/// <summary>What a case system reports after it issued a decision: the decision as issued, the permit it was issued under (for
/// every decision the gate saw), its document, date and number, and what is to be published (事后公开).</summary>
/// <param name="Decision">The decision as issued.</param>
/// <param name="PermitToken">The permit, as the gate gave it; null when the case system presents none.</param>
/// <param name="DocumentSha256">The decision document's SHA-256, uploaded before (PUT /v1/files/{sha256}).</param>
/// <param name="DocumentFileName">Its name, for display.</param>
/// <param name="DecidedOn">The date of the decision.</param>
/// <param name="DocumentNumber">The decision document's number (文号), e.g. 桓市监罚〔2026〕15号.</param>
/// <param name="Publication">What is to be published.</param>
public sealed record IssuedDecisionReport(
    Decision Decision, string? PermitToken, string DocumentSha256, string DocumentFileName, DateOnly DecidedOn, string DocumentNumber,
    PublicationFields Publication);

/// <summary>The fields of a decision the public sees (国办发〔2018〕118号: 执法机关、执法对象、执法类别、执法结论), with its legal basis.</summary>
/// <param name="Agency">执法机关.</param>
/// <param name="Party">执法对象, unmasked (masking is done before publication).</param>
/// <param name="Category">执法类别.</param>
/// <param name="Conclusion">执法结论.</param>
/// <param name="Basis">依据.</param>
public sealed record PublicationFields(string Agency, string Party, string Category, string Conclusion, string Basis)
{
    /// <summary>The longest text of one field.</summary>
    public const int MaxLength = 2000;
}

/// <summary>What Fashen found on checking an issued decision against the gate: never silently accepted.</summary>
/// <param name="Code">The alert's type in the record (alert.issued_without_permit, alert.issued_not_as_permitted).</param>
/// <param name="Message">What was found, in Chinese.</param>
public sealed record IssuanceFinding(string Code, string Message);

/// <summary>A report as recorded.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Department">The department.</param>
/// <param name="DocumentNumber">The document number.</param>
/// <param name="DecidedOn">The date of the decision.</param>
/// <param name="Classification">The decision's classification when it was checked (wire name).</param>
/// <param name="PermitId">The permit it was issued under, when one was presented and valid.</param>
/// <param name="Findings">What the check found; empty when the decision is the permitted one (or needed none).</param>
/// <param name="Sequence">The record entry of the report.</param>
/// <param name="Hash">Its hash.</param>
/// <param name="Proposed">The fields as proposed for publication, masked by the department's rules, for the legal office to check.</param>
/// <param name="MaskedKinds">What kinds of personal data were masked in them.</param>
/// <param name="PublicationDueOn">The last working day to publish it, or null when not yet known (a year's arrangement missing).</param>
/// <param name="PublicationId">Its publication, pending the legal office's check.</param>
public sealed record IssuedDecision(
    string CaseId, string Department, string DocumentNumber, DateOnly DecidedOn, string Classification, string? PermitId,
    IReadOnlyList<IssuanceFinding> Findings, long Sequence, string Hash, PublicationFields Proposed, IReadOnlyList<string> MaskedKinds,
    DateOnly? PublicationDueOn, string PublicationId);
