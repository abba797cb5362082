using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Records;

/// <summary>The tamper-evident record as a whole.</summary>
public static class RecordsApi
{
    public static RouteGroupBuilder MapRecords(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/record").WithTags("全过程记录");
        group.MapGet("/verification", (HttpContext context, ReviewService service) => Callers.With(context, caller =>
        {
            var outcome = service.VerifyRecord(caller);
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var v = outcome.Value!;
            return BufferedJson.Ok(new RecordVerificationResponse(v.Valid, v.EntriesVerified, v.BrokenAt, v.Problem, v.Head));
        }))
        .WithSummary("校验全过程记录（法制机构管理员）：逐条核对哈希链，发现删除、改动或插入")
        .Produces<RecordVerificationResponse>();
        return group;
    }
}
