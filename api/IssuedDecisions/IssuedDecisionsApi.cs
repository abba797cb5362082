using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Api.Reviews;
using Fashen.Engine.Classification;
using Fashen.Engine.IssuedDecisions;
using Fashen.Engine.Reviews;

namespace Fashen.Api.IssuedDecisions;

/// <summary>After the gate: the case system reports each decision it issued, with its permit, document and what is to be
/// published; Fashen checks it against the permit and records what it finds.</summary>
public static class IssuedDecisionsApi
{
    public static RouteGroupBuilder MapIssuedDecisions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/issued-decisions").WithTags("已作出的决定");
        group.MapPost(string.Empty, async (HttpContext context, ReviewService service) => await Callers.WithAsync(context, async caller =>
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

            if (Report(body.Json, decision.Value, out var fieldProblem) is not { } report)
            {
                return ProblemResults.From(ApiProblems.ValidationFailed(fieldProblem!));
            }

            if (ReviewsApi.IdempotencyKeyProblem(context) is { } badKey)
            {
                return badKey;
            }

            var outcome = service.ReportIssued(caller, report, body.Fingerprint, ReviewsApi.IdempotencyKey(context));
            return outcome.Succeeded
                ? BufferedJson.Created($"/v1/issued-decisions/{outcome.Value!.Sequence}", IssuedDecisionResponse.From(outcome.Value))
                : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("报告已作出的决定（案件系统）：附许可凭证（关卡签发过的决定）、决定书文件、日期、文号和公开的内容；与许可凭证核对，未经许可或与许可不同的重大决定记为问题（责任追究），不会被悄悄接受")
        .Accepts<IssuedDecisionRequest>("application/json")
        .Produces<IssuedDecisionResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{sequence:long}", (HttpContext context, ReviewService service, long sequence) => Callers.With(context, caller =>
        {
            var outcome = service.IssuedDecision(caller, sequence);
            return outcome.Succeeded ? BufferedJson.Ok(IssuedDecisionResponse.From(outcome.Value!)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("一项已报告的决定及核对结果（按其记录条目编号）")
        .Produces<IssuedDecisionResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    // The rest of the report, read as the contract says; the first problem found, in Chinese.
    private static IssuedDecisionReport? Report(JsonNode json, Engine.Decisions.Decision decision, out string? problem)
    {
        var permit = RequestBodies.Text(json, "permit", out problem);
        var documentNumber = problem is null ? RequestBodies.Text(json, "documentNumber", out problem) : null;
        var decidedOn = problem is null ? RequestBodies.Text(json, "decidedOn", out problem) : null;
        var document = json["document"] as JsonObject;
        var sha256 = document?["sha256"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)document["sha256"] : null;
        var fileName = document?["fileName"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)document["fileName"] : null;
        var publication = json["publication"] as JsonObject;
        string? Field(string name) => publication?[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? ((string?)publication[name])?.Trim() : null;
        var fields = new[] { Field("agency"), Field("party"), Field("category"), Field("conclusion"), Field("basis") };

        problem ??= sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit) || string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255
            ? "document 应为 {\"sha256\": 决定书文件的 SHA-256（先 PUT /v1/files/{sha256} 上传）, \"fileName\": 文件名}。"
            : !DateOnly.TryParseExact(decidedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? "decidedOn 应为决定日期，yyyy-MM-dd。"
            : string.IsNullOrWhiteSpace(documentNumber) ? "缺少 documentNumber：决定书文号。"
            : fields.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > PublicationFields.MaxLength)
            ? $"publication 应含 agency（执法机关）、party（执法对象）、category（执法类别）、conclusion（执法结论）、basis（依据），各 1 至 {PublicationFields.MaxLength} 字。"
            : null;
        if (problem is not null)
        {
            return null;
        }

        return new IssuedDecisionReport(
            decision, permit, sha256!.ToLowerInvariant(), Path.GetFileName(fileName!.Replace('\\', '/')), DateOnly.ParseExact(decidedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            documentNumber!, new PublicationFields(fields[0]!, fields[1]!, fields[2]!, fields[3]!, fields[4]!));
    }
}

/// <summary>Reports a decision the case system issued.</summary>
/// <param name="Decision">The decision as issued (the shape of the gate's).</param>
/// <param name="Permit">The permit's token, for every decision the gate let through; absent for a decision that never went to it.</param>
/// <param name="Document">The decision document, uploaded before: {"sha256", "fileName"}.</param>
/// <param name="DecidedOn">The date of the decision, yyyy-MM-dd.</param>
/// <param name="DocumentNumber">The document number (文号).</param>
/// <param name="Publication">What the public will see: agency 执法机关, party 执法对象, category 执法类别, conclusion 执法结论, basis 依据.</param>
public sealed record IssuedDecisionRequest(
    [property: Required] DecisionRequest? Decision,
    string? Permit,
    [property: Required] IssuedDocumentRequest? Document,
    [property: Required] string? DecidedOn,
    [property: Required, MaxLength(ReviewService.MaxDocumentNumberLength)] string? DocumentNumber,
    [property: Required] PublicationFieldsRequest? Publication);

/// <summary>The decision document.</summary>
public sealed record IssuedDocumentRequest([property: Required] string? Sha256, [property: Required, MaxLength(255)] string? FileName);

/// <summary>What is published.</summary>
public sealed record PublicationFieldsRequest(
    [property: Required, MaxLength(PublicationFields.MaxLength)] string? Agency,
    [property: Required, MaxLength(PublicationFields.MaxLength)] string? Party,
    [property: Required, MaxLength(PublicationFields.MaxLength)] string? Category,
    [property: Required, MaxLength(PublicationFields.MaxLength)] string? Conclusion,
    [property: Required, MaxLength(PublicationFields.MaxLength)] string? Basis);

/// <summary>An issued decision as recorded, with what the check against the gate found.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Department">The department.</param>
/// <param name="DocumentNumber">The document number.</param>
/// <param name="DecidedOn">The date of the decision.</param>
/// <param name="Classification">major, minor, exempt, undetermined or unlawful, as checked now.</param>
/// <param name="PermitId">The permit presented, when valid.</param>
/// <param name="Findings">What was found (issued without a permit, or not as permitted); empty when in order.</param>
/// <param name="Sequence">The record entry of the report.</param>
/// <param name="Hash">Its hash.</param>
/// <param name="Proposed">What is proposed for publication: the fields masked by the department's rules.</param>
/// <param name="MaskedKinds">The kinds of personal data masked in them.</param>
/// <param name="PublicationDueOn">The last working day to publish it (7 working days for 行政处罚 and 行政许可, 20 otherwise), or null
/// while a year's holiday arrangement is not loaded.</param>
/// <param name="PublicationId">Its publication (GET /v1/publications/{id}), pending the legal office's check.</param>
public sealed record IssuedDecisionResponse(
    string CaseId, string Department, string DocumentNumber, string DecidedOn, string Classification, string? PermitId,
    IReadOnlyList<IssuanceFinding> Findings, long Sequence, string Hash, PublicationFields Proposed, IReadOnlyList<string> MaskedKinds,
    string? PublicationDueOn, string PublicationId)
{
    public static IssuedDecisionResponse From(IssuedDecision d) => new(
        d.CaseId, d.Department, d.DocumentNumber, Formatting.Date(d.DecidedOn), d.Classification, d.PermitId,
        d.Findings, d.Sequence, d.Hash, d.Proposed, d.MaskedKinds, d.PublicationDueOn is { } due ? Formatting.Date(due) : null, d.PublicationId);
}
