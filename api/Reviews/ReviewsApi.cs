using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Documents;
using Fashen.Api.Problems;
using Fashen.Engine.Opinions;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Reviews;

/// <summary>The review workflow over HTTP: submission by case systems, and the work of reviewers,
/// counsel and heads. Every rule is in <see cref="ReviewService"/>; these endpoints only translate.</summary>
public static class ReviewsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapReviews(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/reviews").WithTags("法制审核");

        group.MapPost("/", async (HttpContext context, ReviewService service) => await Callers.WithAsync(context, async caller =>
        {
            var (request, problem) = await SubmissionAsync(context);
            if (request is null)
            {
                return problem!;
            }

            if (IdempotencyKeyProblem(context) is { } badKey)
            {
                return badKey;
            }

            var outcome = service.Submit(caller, request, IdempotencyKey(context));
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            // A case has one review: submitting a case already reviewed answers with that review (200), as it stands or
            // with the new round the changed decision opened.
            var (review, created) = outcome.Value!;
            var body = ReviewResponse.From(review, service.DueStateOf(review));
            return WithVersion(context, review, created ? BufferedJson.Created($"/v1/reviews/{review.Id}", body) : BufferedJson.Ok(body));
        }))
        .WithSummary("报送法制审核（案件系统）：报送重大执法决定及所附材料；已有审核的案件，与审核的版本相同时答复该审核，决定改变时开始该审核的新一轮")
        .Accepts<SubmitReviewRequest>("application/json")
        .Produces<ReviewResponse>(StatusCodes.Status201Created)
        .Produces<ReviewResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", (HttpContext context, ReviewService service, string? department, string? state, string? action, string? caseId,
            string? due, bool? counselPending, bool? extensionPending, string? tab, bool? mine, int? page, int? pageSize) => Callers.With(context, caller =>
        {
            QueueTab? queueTab = null;
            if (tab is not null)
            {
                if (!QueueTabs.TryParse(tab, out var parsedTab))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed($"未知的分类“{tab}”。可用：todo（待办）、handled（已办）、concluded（办结）。"));
                }

                queueTab = parsedTab;
            }

            var states = new List<ReviewState>();

            foreach (var name in (state ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ReviewNames.TryParseState(name, out var parsed))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed($"未知的审核状态“{name}”。可用：returned、accepted、under_review、correcting、awaiting_confirmation、approved、rejected、referred。"));
                }

                states.Add(parsed);
            }

            DueState? dueState = null;
            if (due is not null)
            {
                if (!DueStates.TryParse(due, out var parsedDue))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed($"未知的期限状态“{due}”。可用：on_time、due_soon、overdue、paused、closed、unknown。"));
                }

                dueState = parsedDue;
            }

            // A tab and states together list the tab's states that were asked for; a tab with none of them lists nothing.
            if (queueTab is { } inTab)
            {
                var asked = states.Count == 0 ? inTab.States() : states.Intersect(inTab.States()).ToList();
                if (asked.Count == 0)
                {
                    return BufferedJson.Ok(new ReviewListResponse([], 0, Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 200)));
                }

                states = [.. asked];
            }

            var query = new ReviewQuery
            {
                Department = department,
                States = states,
                Order = queueTab?.Order() ?? ReviewOrder.SoonestDue,
                Action = action,
                CaseIdContains = caseId,
                Due = dueState,
                CounselPendingOnly = counselPending ?? false,
                ExtensionPendingOnly = extensionPending ?? false,
                ReviewerId = mine == true ? caller.Actor.Id : null,
                Page = page ?? 1,
                PageSize = pageSize ?? 50,
            };
            var outcome = service.Query(caller, query);
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var result = outcome.Value!;
            return BufferedJson.Ok(new ReviewListResponse(
                result.Items.Select(i => ReviewSummary.From(i, service.DueStateOf(i))).ToList(), result.Total, Math.Max(1, query.Page), Math.Clamp(query.PageSize, 1, 200)));
        }))
        .WithSummary("审核列表：按截止日期排序（办结的按办结时间，新的在前），可按分类（待办、已办、办结）、本人负责、部门、状态、执法行为、案件编号、期限状态筛选")
        .Produces<ReviewListResponse>();

        group.MapGet("/{id}", (HttpContext context, ReviewService service, string id) =>
            Callers.With(context, caller => Respond(context, service, service.Get(caller, id))))
            .WithSummary("查看审核")
            .Produces<ReviewResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/history", (HttpContext context, ReviewService service, string id) => Callers.With(context, caller =>
        {
            var outcome = service.History(caller, id);
            return outcome.Succeeded
                ? BufferedJson.Ok(outcome.Value!.Select(RecordEntryResponse.From).ToList())
                : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("审核的全过程记录：按顺序列出每一条带哈希链的记录")
        .Produces<List<RecordEntryResponse>>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/resubmissions", async (HttpContext context, ReviewService service, string id) => await Callers.WithAsync(context, async caller =>
        {
            var (request, problem) = await SubmissionAsync(context);
            return request is null ? problem!
                : IdempotencyKeyProblem(context) ?? Respond(context, service, service.Resubmit(caller, id, request, IdempotencyKey(context)));
        }))
        .WithSummary("重新报送（案件系统）：补正材料后，或纠正决定后")
        .Accepts<SubmitReviewRequest>("application/json")
        .Produces<ReviewResponse>()
        .ProducesWorkflowProblems();

        group.MapPost("/{id}/acceptance", (HttpContext context, ReviewService service, string id, AcceptanceRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.AcceptMaterials(
                caller, id, request.Version!.Value,
                (request.Resolutions ?? []).Select(r => new MaterialResolution(r.Material?.Trim() ?? string.Empty, r.How ?? string.Empty, r.Pages, r.Reason)).ToList()))))
            .WithSummary("受理材料（审核人员）：恢复计时；仍缺的材料须逐项写明如何解决：纸质材料已收（页数）或免予提交（理由）")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/return", (HttpContext context, ReviewService service, string id, ReturnRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.ReturnForMaterials(caller, id, request.Version!.Value, request.MissingMaterials!, request.Note))))
            .WithSummary("退回补正（审核人员）：列明需补正的材料，暂停计时")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/assignment", (HttpContext context, ReviewService service, string id, VersionRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.Assign(caller, id, request.Version!.Value))))
            .WithSummary("领取审核（审核人员）")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/release", (HttpContext context, ReviewService service, string id, ReleaseRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.Release(caller, id, request.Version!.Value, request.Reason))))
            .WithSummary("退回领取（领取的审核人员或负责人）：写明理由，审核回到待领取")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/transfer", (HttpContext context, ReviewService service, string id, TransferRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.Transfer(caller, id, request.Version!.Value, request.To, request.Reason))))
            .WithSummary("转交审核（领取的审核人员或负责人）：交给本部门另一位审核人员（登录名），写明理由")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPut("/{id}/checklist/{itemId}", (HttpContext context, ReviewService service, string id, string itemId, ChecklistRequest request) =>
            Callers.With(context, caller =>
            {
                return ReviewNames.TryParseChecklistStatus(request.Status, out var status)
                    ? Respond(context, service, service.RecordChecklist(caller, id, request.Version!.Value, itemId, status, request.Note))
                    : ProblemResults.From(ApiProblems.ValidationFailed("status 应为 pass（无问题）或 problem（有问题）。"));
            }))
            .WithSummary("填写审核要点（审核人员）：无问题或有问题，并写明说明")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/opinions", (HttpContext context, ReviewService service, string id, OpinionRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.AddOpinion(caller, id, request.Text!))))
            .WithSummary("提出法律顾问意见（法律顾问）")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/extension", (HttpContext context, ReviewService service, string id, ExtensionRequestBody request) =>
            Callers.With(context, caller => Respond(context, service, service.RequestExtension(caller, id, request.Version!.Value, request.Reason!))))
            .WithSummary("申请延长审核时限（审核人员，只能一次）")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/extension/decision", (HttpContext context, ReviewService service, string id, ExtensionDecisionRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.DecideExtension(caller, id, request.Version!.Value, request.Approved!.Value, request.Reason))))
            .WithSummary("批准或不批准延长（负责人）")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/paper-documents", (HttpContext context, ReviewService service, string id, PaperDocumentRequest request) =>
            Callers.With(context, caller => Respond(context, service, service.AddPaperDocument(
                caller, id, request.Version!.Value, request.Material!, request.Sha256!.ToLowerInvariant(), request.FileName!, request.Pages))))
            .WithSummary("把收到的纸质材料的扫描件加入案卷（审核人员，先 PUT /v1/files/{sha256} 上传 PDF 或图像）：记入全过程记录，不改变审核同意的文件摘要")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/outcome", (HttpContext context, ReviewService service, OpinionArchive opinions, ILogger<OpinionArchive> log, string id, OutcomeRequest request) =>
            Callers.With(context, caller =>
            {
                if (!ReviewNames.TryParseOutcome(request.Outcome!, out var outcome))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed("outcome 应为 approve（同意）、correct（纠正）、reject（不同意）或 refer（移送）。"));
                }

                var decided = service.Decide(caller, id, request.Version!.Value, outcome, request.Reason);
                if (decided.Succeeded && opinions.ArchiveAfterOutcome(decided.Value!) is { } notArchived)
                {
                    log.LogWarning("审核 {ReviewId} 的审核意见书未能随即归档，将在首次读取时归档：{Problem}", id, notArchived);
                }

                return Respond(context, service, decided);
            }))
            .WithSummary("作出审核意见（审核人员）：同意、纠正、不同意或移送")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/confirmation", (HttpContext context, ReviewService service, OpinionArchive opinions, ILogger<OpinionArchive> log, string id, ConfirmationRequest request) =>
            Callers.With(context, caller =>
            {
                var confirmed = service.Confirm(caller, id, request.Version!.Value, request.Confirmed!.Value, request.Note);
                if (confirmed.Succeeded && opinions.ArchiveAfterOutcome(confirmed.Value!) is { } notArchived)
                {
                    log.LogWarning("审核 {ReviewId} 的审核意见书未能随即归档，将在首次读取时归档：{Problem}", id, notArchived);
                }

                return Respond(context, service, confirmed);
            }))
            .WithSummary("确认审核意见（法制机构负责人，目录清单要求确认时）：确认后审核意见生效；不确认的写明理由，退回审核人员重新审核")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        group.MapPost("/{id}/collective-discussion", (HttpContext context, ReviewService service, string id, DiscussionRequest request) =>
            Callers.With(context, caller =>
            {
                if (!DiscussionConclusions.TryParse(request.Conclusion, out var conclusion))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed("conclusion 应为 agree（同意作出决定）或 disagree（不同意作出决定）。"));
                }

                if (!DateOnly.TryParseExact(request.HeldOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var heldOn))
                {
                    return ProblemResults.From(ApiProblems.ValidationFailed("heldOn 应为有效日期（yyyy-MM-dd）。"));
                }

                var input = new DiscussionInput(heldOn, request.Participants!, conclusion, request.Summary, request.Minutes!.Sha256, request.Minutes.FileName);
                return Respond(context, service, service.RecordDiscussion(caller, id, request.Version!.Value, input));
            }))
            .WithSummary("记录负责人集体讨论（审核同意后，目录条目要求集体讨论时；本部门的审核人员、负责人或案件系统）：日期、参加人员、结论，会议纪要先 PUT /v1/files/{sha256} 上传")
            .Produces<ReviewResponse>()
            .ProducesWorkflowProblems();

        return group;
    }

    private static IResult Respond(HttpContext context, ReviewService service, Outcome<Review> outcome) =>
        outcome.Succeeded
            ? WithVersion(context, outcome.Value!, BufferedJson.Ok(ReviewResponse.From(outcome.Value!, service.DueStateOf(outcome.Value!))))
            : ProblemResults.From(outcome.Error!);

    private static IResult WithVersion(HttpContext context, Review review, IResult result)
    {
        context.Response.Headers.ETag = $"\"{review.Version}\"";
        return result;
    }

    /// <summary>The longest idempotency key accepted.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>Checks the idempotency key a request carries: 1 to 128 visible ASCII characters, as keys are ids.</summary>
    /// <returns>The problem to answer, or null when the key is acceptable or absent.</returns>
    public static IResult? IdempotencyKeyProblem(HttpContext context)
    {
        var key = IdempotencyKey(context);
        return key is null || (key.Length <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~'))
            ? null
            : ProblemResults.From(ApiProblems.ValidationFailed($"{IdempotencyHeader} 须为 1 至 {MaxIdempotencyKeyLength} 个可见的 ASCII 字符（字母、数字、标点），例如一个 UUID。"));
    }

    /// <summary>Reads the idempotency key a request carries, trimmed; null when there is none.</summary>
    public static string? IdempotencyKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(IdempotencyHeader, out var values) && !string.IsNullOrWhiteSpace(values.ToString())
            ? values.ToString().Trim()
            : null;

    private static async Task<(SubmissionRequest? Request, IResult? Problem)> SubmissionAsync(HttpContext context)
    {
        var (body, problem) = await RequestBodies.ReadJsonAsync(context.Request);
        if (body is null)
        {
            return (null, problem);
        }

        var decision = RequestBodies.Decision(body, "decision");
        if (decision.Value is null)
        {
            return (null, ProblemResults.From(ApiProblems.MalformedJson("请求中的决定（decision）格式有误，详见 diagnostics。"), decision.Diagnostics));
        }

        var (materials, files) = MaterialsField.Read(body.Json, out var materialsProblem);
        var handledBy = RequestBodies.Strings(body.Json, "handledBy", out var handledProblem) ?? [];
        var submittedBy = RequestBodies.Text(body.Json, "submittedBy", out var submitterProblem);
        var fieldProblem = materialsProblem ?? handledProblem ?? submitterProblem
            ?? (string.IsNullOrWhiteSpace(submittedBy) ? "缺少“submittedBy”：报送的承办人姓名。" : null)
            ?? Within("materials", materials, MaxMaterials, MaxMaterialLength)
            ?? Within("handledBy", handledBy, MaxPeople, MaxNameLength)
            ?? Within("submittedBy", [submittedBy!], 1, MaxNameLength);
        if (fieldProblem is not null)
        {
            return (null, ProblemResults.From(ApiProblems.ValidationFailed(fieldProblem)));
        }

        return (new SubmissionRequest(decision.Value, materials, submittedBy!, handledBy, body.Fingerprint, files), null);
    }

    /// <summary>The most materials a submission lists.</summary>
    public const int MaxMaterials = 100;

    /// <summary>The longest name of a material.</summary>
    public const int MaxMaterialLength = 200;

    /// <summary>The most people a submission names as handlers.</summary>
    public const int MaxPeople = 50;

    /// <summary>The longest person's name or sign-in name.</summary>
    public const int MaxNameLength = 64;

    private static string? Within(string member, IReadOnlyList<string> items, int most, int longest) =>
        items.Count > most ? $"“{member}”最多 {most} 项，收到 {items.Count} 项。"
        : items.FirstOrDefault(i => i.Length > longest) is { } tooLong ? $"“{member}”中的“{tooLong[..Math.Min(20, tooLong.Length)]}…”过长，每项最多 {longest} 个字符。"
        : null;

    // Every workflow step can be refused: bad fields, not allowed, no such review, changed meanwhile, or against a rule.
    private static RouteHandlerBuilder ProducesWorkflowProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
