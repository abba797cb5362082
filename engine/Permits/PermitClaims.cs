using System.Text.Json.Serialization;

namespace Fashen.Engine.Permits;

/// <summary>What an issuance permit states: this decision, with this digest, may be issued.</summary>
/// <param name="PermitId">The permit's id (jti).</param>
/// <param name="Issuer">Who issued it (iss): always "fashen".</param>
/// <param name="IssuedAt">When, in seconds since 1970 (iat).</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Department">The department id.</param>
/// <param name="DecisionDigest">The digest of the decision's canonical form: only this decision may be issued.</param>
/// <param name="Classification">The decision's classification: major, minor or exempt.</param>
/// <param name="ReviewId">The review that approved it (major decisions), or null.</param>
/// <param name="CatalogueRevision">The catalogue revision that classified it.</param>
/// <param name="DocumentsDigest">The digest of the documents that go with the decision (for a reviewed decision, those the
/// review approved), or null when none were named; absent from permits issued before documents were kept.</param>
public sealed record PermitClaims(
    [property: JsonPropertyName("jti")] string PermitId,
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("caseId")] string CaseId,
    [property: JsonPropertyName("department")] string Department,
    [property: JsonPropertyName("decisionDigest")] string DecisionDigest,
    [property: JsonPropertyName("classification")] string Classification,
    [property: JsonPropertyName("reviewId")] string? ReviewId,
    [property: JsonPropertyName("catalogueRevision")] string CatalogueRevision,
    [property: JsonPropertyName("documentsDigest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentsDigest = null);

/// <summary>A permit as kept in the store.</summary>
/// <param name="Id">The permit id.</param>
/// <param name="Token">The signed token given to the case system.</param>
/// <param name="Claims">What it states.</param>
public sealed record StoredPermit(string Id, string Token, PermitClaims Claims);

/// <summary>The outcome of checking a permit.</summary>
/// <param name="Valid">Whether the signature is Fashen's and the token well formed.</param>
/// <param name="Claims">What the permit states, when valid.</param>
/// <param name="Problem">Why it is not valid, in Chinese, or null.</param>
public sealed record PermitVerification(bool Valid, PermitClaims? Claims, string? Problem);
