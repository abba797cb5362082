using Fashen.Engine.Permits;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Contracts;

/// <summary>The gate's answer; when the decision may be issued, the signed permit.</summary>
public sealed record IssuanceResponse(
    bool Issuable, string Classification, string DecisionDigest, string? ReviewId, IReadOnlyList<RefusalResponse> Reasons, PermitResponse? Permit)
{
    public static IssuanceResponse From(IssuanceAnswer a) => new(
        a.Issuable,
        a.Classification,
        a.DecisionDigest,
        a.ReviewId,
        a.Reasons.Select(r => new RefusalResponse(r.Code, r.Message)).ToList(),
        a.Permit is { } p ? new PermitResponse(p.Id, p.Token, p.Claims) : null);
}

public sealed record RefusalResponse(string Code, string Message);

public sealed record PermitResponse(string Id, string Token, PermitClaims Claims);

public sealed record PermitVerificationResponse(bool Valid, PermitClaims? Claims, string? Problem);
