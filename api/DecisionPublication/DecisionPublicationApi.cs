using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.IssuedDecisions;
using Fashen.Api.Problems;
using Fashen.Engine.Classification;
using Fashen.Engine.IssuedDecisions;
using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;

namespace Fashen.Api.DecisionPublication;

/// <summary>The publication of reported decisions (事后公开) as the legal office works it: the queue with what is due and
/// overdue, the masked text beside the original, approval (with corrections), correction of what is published (纠错) and
/// withdrawal (第四十八条).</summary>
public static class DecisionPublicationApi
{
    public static RouteGroupBuilder MapDecisionPublication(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/publications").WithTags("执法决定公开");
        group.MapGet(string.Empty, (HttpContext context, Publications publications, string? state, string? q) => Callers.With(context, caller =>
        {
            PublicationState? wanted = null;
            if (state is { Length: > 0 })
            {
                if (!Enum.TryParse<PublicationState>(state, ignoreCase: true, out var parsed) || int.TryParse(state, out _))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed("state 应为 pending（待审核）、published（已公开）或 withdrawn（已撤回）。"));
                }

                wanted = parsed;
            }

            var outcome = publications.Queue(caller, wanted, q);
            return outcome.Succeeded
                ? BufferedJson.Ok(outcome.Value!.Select(p => PublicationResponse.From(p, publications.Today)).ToList())
                : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("公开审核队列（法制审核人员）：本部门报告的决定，待审核的按公开期限排列，逾期的标出；q 按文号或执法对象查找")
        .Produces<List<PublicationResponse>>()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", (HttpContext context, Publications publications, string id) => Callers.With(context, caller =>
            Respond(publications, publications.Get(caller, id))))
            .WithSummary("一条公开信息：原文、按隐去规则提出的公开文本、已公开的文本、纠错和撤回")
            .Produces<PublicationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/approval", (HttpContext context, Publications publications, string id, PublicationApprovalRequest request) =>
            Callers.With(context, caller => Respond(publications, publications.Approve(caller, id, request.Version!.Value, Fields(request.Published)))))
            .WithSummary("审核并公开（法制审核人员）：按提出的文本公开，或写明改正后的文本（published）")
            .Produces<PublicationResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id}/correction", (HttpContext context, Publications publications, string id, PublicationCorrectionRequest request) =>
            Callers.With(context, caller => Respond(publications, publications.Correct(caller, id, request.Version!.Value, Fields(request.Published)!, request.Note!))))
            .WithSummary("纠错（法制审核人员）：改正已公开的文本，原文本留在全过程记录中，公开页面显示带日期的纠错说明")
            .Produces<PublicationResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id}/withdrawal", (HttpContext context, Publications publications, string id, PublicationWithdrawalRequest request) =>
            Callers.With(context, caller =>
                DateOnly.TryParseExact(request.ChangedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changedOn)
                    ? Respond(publications, publications.Withdraw(caller, id, request.Version!.Value, request.Grounds!, changedOn, request.Reason!))
                    : ProblemResults.From(ApiProblems.ValidationFailed("changedOn 应为决定被变更、撤销或确认违法、无效的日期，yyyy-MM-dd。"))))
            .WithSummary("撤回（法制审核人员）：决定被变更、撤销、确认违法或确认无效的，三日内撤回并公开说明理由（第四十八条）；超过三日的标为逾期")
            .Produces<PublicationResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static IResult Respond(Publications publications, Outcome<PublicationRecord> outcome) =>
        outcome.Succeeded ? BufferedJson.Ok(PublicationResponse.From(outcome.Value!, publications.Today)) : ProblemResults.From(outcome.Error!);

    private static PublicationFields? Fields(PublicationFieldsRequest? request) => request is null
        ? null
        : new PublicationFields(request.Agency!.Trim(), request.Party!.Trim(), request.Category!.Trim(), request.Conclusion!.Trim(), request.Basis!.Trim());
}

/// <summary>Approves a pending publication.</summary>
/// <param name="Version">The version seen.</param>
/// <param name="Published">The corrected text, when the proposed one needs correcting; absent to publish it as proposed.</param>
public sealed record PublicationApprovalRequest([property: Required] long? Version, PublicationFieldsRequest? Published);

/// <summary>Corrects a published decision's text.</summary>
/// <param name="Version">The version seen.</param>
/// <param name="Published">The corrected text.</param>
/// <param name="Note">What was corrected and why, shown with the date.</param>
public sealed record PublicationCorrectionRequest(
    [property: Required] long? Version, [property: Required] PublicationFieldsRequest? Published,
    [property: Required, MaxLength(Publications.MaxNoteLength)] string? Note);

/// <summary>Withdraws a published decision.</summary>
/// <param name="Version">The version seen.</param>
/// <param name="Grounds">变更, 撤销, 确认违法 or 确认无效.</param>
/// <param name="ChangedOn">The day it was changed, revoked or found so, yyyy-MM-dd.</param>
/// <param name="Reason">The reason shown to the public in its place.</param>
public sealed record PublicationWithdrawalRequest(
    [property: Required] long? Version, [property: Required] string? Grounds, [property: Required] string? ChangedOn,
    [property: Required, MaxLength(Publications.MaxNoteLength)] string? Reason);

/// <summary>A publication, for the legal office (the original is never on the public site).</summary>
public sealed record PublicationResponse(
    string Id, string Department, string CaseId, string Action, string DocumentNumber, string DecidedOn, string? DueOn, string State, bool Overdue,
    long Version, string? PublishedOn, JsonObject Content)
{
    public static PublicationResponse From(PublicationRecord p, DateOnly today) => new(
        p.Id, p.Department, p.CaseId, p.Action, p.DocumentNumber, Formatting.Date(p.DecidedOn), p.DueOn is { } due ? Formatting.Date(due) : null,
        p.State.ToString().ToLowerInvariant(), Publications.Overdue(p, today), p.Version, p.PublishedOn is { } on ? Formatting.Date(on) : null, p.Content);

}
