using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Documents;
using Fashen.Api.Problems;
using Fashen.Api.Reviews;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Issuance;

/// <summary>The gate: may this decision be issued now? A yes comes with a permit signed by Fashen.</summary>
public static class IssuanceApi
{
    public static RouteGroupBuilder MapIssuance(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("作出决定");
        group.MapPost("/issuance", async (HttpContext context, ReviewService service) => await Callers.WithAsync(context, async caller =>
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync(context.Request);
            if (body is null)
            {
                return problem!;
            }

            var decision = RequestBodies.Decision(body, "decision");
            if (decision.Value is null)
            {
                return ProblemResults.From(ApiProblems.MalformedJson("请求中的决定（decision）格式有误，详见 diagnostics。"), decision.Diagnostics);
            }

            var (_, files) = MaterialsField.Read(body.Json, out var materialsProblem);
            if (materialsProblem is not null)
            {
                return ProblemResults.From(ApiProblems.ValidationFailed(materialsProblem));
            }

            if (ReviewsApi.IdempotencyKeyProblem(context) is { } badKey)
            {
                return badKey;
            }

            // Without a materials member the request says nothing of documents, which a reviewed decision's approval covers.
            var documents = body.Json["materials"] is null ? null : files;
            var outcome = service.RequestIssuance(caller, decision.Value, documents, body.Fingerprint, ReviewsApi.IdempotencyKey(context));
            return outcome.Succeeded ? BufferedJson.Ok(IssuanceResponse.From(outcome.Value!)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("申请作出决定（案件系统）：非重大的决定，或经审核同意且与同意版本（决定和随附的文件）完全一致的决定，取得签名的许可凭证")
        .Accepts<IssuanceRequest>("application/json")
        .Produces<IssuanceResponse>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/permits/verification", (HttpContext context, ReviewService service, PermitVerificationRequest request) =>
            Callers.With(context, _ =>
            {
                var verification = service.VerifyPermit(request.Token!);
                return BufferedJson.Ok(new PermitVerificationResponse(verification.Valid, verification.Claims, verification.Problem));
            }))
            .WithSummary("核验许可凭证：签名是否为本系统所签、本系统是否签发过")
            .Produces<PermitVerificationResponse>();

        group.MapGet("/permits/key", (ReviewService service) => BufferedJson.Ok(service.PermitKey))
            .AllowAnonymous()
            .WithSummary("许可凭证的签名公钥（JWK，ES256），供离线核验")
            .Produces<JsonObject>();
        return group;
    }
}
