using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Records;

/// <summary>The tamper-evident record as a whole.</summary>
public static class RecordsApi
{
    public static RouteGroupBuilder MapRecords(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/record").WithTags("全过程记录");
        group.MapGet("/verification", (HttpContext context, ReviewService service, string[]? anchor) => Callers.With(context, caller =>
        {
            if (!ChainAnchor.TryParseAll(anchor ?? [], out var anchors, out var malformed))
            {
                return ProblemResults.From(ApiProblems.ValidationFailed(
                    $"anchor 的值“{malformed}”应为此前校验答复的“序号:链头”，例如 1024:sha256:后跟 64 位十六进制数。"));
            }

            var outcome = service.VerifyRecord(caller, anchors);
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var v = outcome.Value!;
            return BufferedJson.Ok(new RecordVerificationResponse(
                v.Valid, v.Chain.EntriesVerified, v.Chain.BrokenAt, v.Chain.Problem, v.Chain.Head, v.Valid ? v.Chain.Anchor?.ToString() : null,
                v.Discrepancies.Select(d => new RecordDiscrepancyResponse(d.ReviewId, d.PermitId, d.Problem, d.PublicationId)).ToList()));
        }))
        .WithSummary("校验全过程记录（法制机构管理员）：逐条核对哈希链，发现删除、改动或插入；按记录重演每个审核的状态、核对每张许可凭证，发现存储中被改动的索引；anchor=序号:链头（可多个）核对此前留存的链头，发现整体改写")
        .Produces<RecordVerificationResponse>();

        group.MapGet("/alerts", (HttpContext context, ReviewService service, int? limit) => Callers.With(context, caller =>
        {
            var outcome = service.Alerts(caller, limit ?? 100);
            return outcome.Succeeded
                ? BufferedJson.Ok(outcome.Value!.Select(RecordEntryResponse.From).ToList())
                : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("预警（法制机构管理员）：全过程记录中的规避审核嫌疑（已有审核的案件换了执法行为、程序或事实来申请）和审核记录校验未通过，最新的在前；limit 最多 1000 条")
        .Produces<List<RecordEntryResponse>>()
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
