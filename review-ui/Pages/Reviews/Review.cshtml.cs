using Fashen.Engine.Catalogues;
using Fashen.Engine.Documents;
using Fashen.Engine.Opinions;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Fashen.ReviewUi.Pages.Reviews;

/// <summary>One review: the decision, why it is major, materials, the checklist, opinions, the outcome
/// form and the record. Every action is a form post checked by <see cref="ReviewService"/>; what the page
/// offers comes from <see cref="ReviewService.PermissionsOf"/>, the same checks.</summary>
[RequestSizeLimit(ReviewModel.MaxScanBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReviewModel.MaxScanBytes)]
public sealed class ReviewModel(ReviewService reviews, ReviewOptions options, CaseFiles files, OpinionArchive opinions, ILogger<ReviewModel> log)
    : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The documents of the case file: submitted with the decision, and the opinions archived.</summary>
    public IReadOnlyList<SubmittedDocument> CaseFile { get; private set; } = [];

    /// <summary>The version of the review the form was rendered from.</summary>
    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? ItemId { get; set; }

    [BindProperty]
    public string? ItemStatus { get; set; }

    [BindProperty]
    public string? ItemNote { get; set; }

    [BindProperty]
    public List<string> MissingMaterials { get; set; } = [];

    [BindProperty]
    public string? ReturnNote { get; set; }

    /// <summary>How each material still missing was resolved, when accepting without it.</summary>
    [BindProperty]
    public List<ResolutionInput> Resolutions { get; set; } = [];

    /// <summary>The largest scan a reviewer uploads in the page: a few hundred pages scanned at 300 dpi.</summary>
    public const long MaxScanBytes = 200L * 1024 * 1024;

    /// <summary>The material a scan of paper is added under.</summary>
    [BindProperty]
    public string? PaperMaterial { get; set; }

    /// <summary>The paper pages the scan covers, if known.</summary>
    [BindProperty]
    public int? PaperPages { get; set; }

    /// <summary>The scan.</summary>
    [BindProperty]
    public IFormFile? PaperFile { get; set; }

    [BindProperty]
    public string? ExtensionReason { get; set; }

    /// <summary>The sign-in name of the reviewer to hand the review to; empty to give it back.</summary>
    [BindProperty]
    public string? HandoverTo { get; set; }

    [BindProperty]
    public string? HandoverReason { get; set; }

    /// <summary>Whether the head confirms the reviewer's opinion (true) or sends it back (false).</summary>
    [BindProperty]
    public bool? Confirmed { get; set; }

    [BindProperty]
    public string? ConfirmNote { get; set; }

    [BindProperty]
    public DateOnly? DiscussionHeldOn { get; set; }

    /// <summary>The heads who took part, one per line (or separated by 、 or commas), presiding first.</summary>
    [BindProperty]
    public string? DiscussionParticipants { get; set; }

    [BindProperty]
    public string? DiscussionConclusion { get; set; }

    [BindProperty]
    public string? DiscussionSummary { get; set; }

    [BindProperty]
    public IFormFile? DiscussionMinutes { get; set; }

    /// <summary>The reviewers the review may be handed to.</summary>
    public IReadOnlyList<Fashen.Engine.Access.Account> TransferCandidates { get; private set; } = [];

    [BindProperty]
    public string? OpinionText { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeReason { get; set; }

    public Review? Review { get; private set; }

    public ReviewPermissions? Permissions { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public IReadOnlyList<(string Label, string Value)> Facts { get; private set; } = [];

    /// <summary>Why the review cannot be shown (no such review, another department's), or null.</summary>
    public string? Unavailable { get; private set; }

    public IActionResult OnGet() => Load() ? Page() : Unavailability();

    public IActionResult OnPostAssign() =>
        Done(Reviews.Assign(Caller, Id, Version), "已领取，开始审核。", "actions");

    /// <summary>Gives the review back (no one named) or transfers it (a reviewer named), with the reason.</summary>
    public IActionResult OnPostHandover() => string.IsNullOrWhiteSpace(HandoverTo)
        ? Done(Reviews.Release(Caller, Id, Version, HandoverReason), "已退回领取，其他审核人员可以领取。", "handover", nameof(HandoverReason))
        : Done(Reviews.Transfer(Caller, Id, Version, HandoverTo, HandoverReason), "已转交。", "handover", HandoverField);

    public IActionResult OnPostChecklist()
    {
        var outcome = ReviewNames.TryParseChecklistStatus(ItemStatus, out var status)
            ? Reviews.RecordChecklist(Caller, Id, Version, ItemId ?? string.Empty, status, ItemNote)
            : ReviewErrors.TextRequired("审核结果（无问题或有问题）");

        // The page's script saves each item as the reviewer works, and reads the answer as JSON.
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return ChecklistAnswer(outcome);
        }

        return Done(outcome, "审核要点已保存。", $"item-{ItemIndex()}", NoteOrStatus(outcome.Error) == "note" ? nameof(ItemNote) : nameof(ItemStatus));
    }

    public IActionResult OnPostReturn() =>
        Done(Reviews.ReturnForMaterials(Caller, Id, Version, MissingMaterials, ReturnNote), "已退回补正，暂停计时。", "materials", nameof(MissingMaterials));

    public IActionResult OnPostAccept() =>
        Done(
            Reviews.AcceptMaterials(Caller, Id, Version, Resolutions.Select(r => new MaterialResolution(r.Material ?? string.Empty, r.How ?? string.Empty, r.Pages, r.Reason)).ToList()),
            "已受理送审材料，恢复计时。",
            "materials",
            nameof(Resolutions));

    /// <summary>Adds a scan of a document received on paper: its bytes are checked for their kind and stored in the case file
    /// (recorded), then the scan is added to the review (recorded, version-checked).</summary>
    public IActionResult OnPostPaper() =>
        Done(AddPaper(), "纸质材料扫描件已加入案卷。", "materials", nameof(PaperFile));

    public IActionResult OnPostExtension() =>
        Done(Reviews.RequestExtension(Caller, Id, Version, ExtensionReason ?? string.Empty), "已申请延长审核时限，等待负责人批准。", "deadline", nameof(ExtensionReason));

    public IActionResult OnPostOpinion() =>
        Done(Reviews.AddOpinion(Caller, Id, OpinionText ?? string.Empty), "法律顾问意见已添加。", "opinions", nameof(OpinionText));

    public IActionResult OnPostOutcome()
    {
        if (!ReviewNames.TryParseOutcome(Outcome ?? string.Empty, out var outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "请选择审核意见：同意、纠正、不同意或移送。");
            return Load() ? Page() : Unavailability();
        }

        var decided = Reviews.Decide(Caller, Id, Version, outcome, OutcomeReason);
        if (decided.Succeeded && opinions.ArchiveAfterOutcome(decided.Value!) is { } notArchived)
        {
            log.LogWarning("审核 {ReviewId} 的审核意见书未能随即归档，将在首次读取时归档：{Problem}", Id, notArchived);
        }

        var message = decided.Value?.State == ReviewState.AwaitingConfirmation
            ? $"已提出审核意见：{outcome.ToChinese()}，待法制机构负责人确认。"
            : $"已作出审核意见：{outcome.ToChinese()}。";
        return Done(decided, message, "outcome", FieldOfOutcomeError);
    }

    /// <summary>The head confirms the reviewer's opinion, which then takes effect (and its document is archived), or sends it back.</summary>
    public IActionResult OnPostConfirm()
    {
        var confirmed = Reviews.Confirm(Caller, Id, Version, Confirmed == true, ConfirmNote);
        if (confirmed.Succeeded && opinions.ArchiveAfterOutcome(confirmed.Value!) is { } notArchived)
        {
            log.LogWarning("审核 {ReviewId} 的审核意见书未能随即归档，将在首次读取时归档：{Problem}", Id, notArchived);
        }

        return Done(confirmed, Confirmed == true ? "已确认审核意见，审核意见生效。" : "已退回审核人员重新审核。", "sign-off", nameof(ConfirmNote));
    }

    /// <summary>Records the heads' collective discussion: the minutes are checked for their kind and stored in the case file
    /// (recorded), then the discussion is recorded (version-checked).</summary>
    public IActionResult OnPostDiscussion() =>
        Done(RecordDiscussion(), "已记录集体讨论。", "sign-off", error => error.Code is "FS5029" or "FS5038" ? nameof(DiscussionMinutes) : nameof(DiscussionParticipants));

    /// <summary>The decision's fields other than facts: action, procedure, proposed date, party.</summary>
    public string DecisionText(string member) => Review?.Submission.Decision[member]?.GetValue<string>() ?? string.Empty;

    public string ActionName => ActionKinds.TryParse(DecisionText("action"), out var kind) ? kind.ToChinese() : DecisionText("action");

    public string ProcedureName => Procedures.TryParse(DecisionText("procedure"), out var procedure) ? procedure.ToChinese() : DecisionText("procedure");

    public DueState Due => Review is null ? DueState.Unknown : Reviews.DueStateOf(Review);

    /// <summary>Whether the signed-in person is this review's reviewer.</summary>
    public bool IsMine => Review?.Reviewer?.Id == Caller.Actor.Id;

    // A transfer's refusal is about the person (FS5047) or the reason.
    private static string HandoverField(ReviewError error) => error.Code == "FS5047" ? nameof(HandoverTo) : nameof(HandoverReason);

    // Which field an outcome refusal belongs beside.
    private static string FieldOfOutcomeError(ReviewError error) => error.Code switch
    {
        "FS5009" => nameof(OutcomeReason),
        _ => nameof(Outcome),
    };

    // With a valid status, the only text the checklist can lack is the note of a problem found.
    private string NoteOrStatus(ReviewError? error) =>
        error?.Code == "FS5022" && ReviewNames.TryParseChecklistStatus(ItemStatus, out _) ? "note" : "status";

    private int ItemIndex() => Review?.Checklist.ToList().FindIndex(c => c.Item.Id == ItemId) ?? -1;

    private bool Load()
    {
        var found = Reviews.Get(Caller, Id);
        if (!found.Succeeded)
        {
            Unavailable = found.Error!.Message;
            Response.StatusCode = found.Error.Kind == ReviewErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            return false;
        }

        Review = found.Value!;
        Permissions = Reviews.PermissionsOf(Caller, Review);
        TransferCandidates = Permissions.Handover is null ? Reviews.TransferCandidates(Review) : [];
        History = Reviews.History(Caller, Id).Value ?? [];
        Facts = FactRows.Of(Review, Reviews.Catalogues);
        CaseFile = CaseFiles.InReview(Review, History);
        return true;
    }

    private PageResult Unavailability() => Page();

    private Outcome<Review> RecordDiscussion()
    {
        if (DiscussionMinutes is not { Length: > 0 } upload)
        {
            return ReviewErrors.DiscussionInvalid("请选择会议纪要文件（PDF、OFD、Word 文档或图像）");
        }

        var stored = Store(upload, ReviewErrors.DiscussionInvalid);
        if (!stored.Succeeded)
        {
            return stored.Error!;
        }

        var sha256 = stored.Value!;
        var participants = (DiscussionParticipants ?? string.Empty).Split(['\n', '、', ',', '，', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var conclusion = DiscussionConclusions.TryParse(DiscussionConclusion, out var parsed) ? parsed : (DiscussionConclusion?)null;
        return Reviews.RecordDiscussion(Caller, Id, Version, new DiscussionInput(DiscussionHeldOn, participants, conclusion, DiscussionSummary, sha256, upload.FileName));
    }

    private Outcome<Review> AddPaper()
    {
        if (PaperFile is not { Length: > 0 } upload)
        {
            return ReviewErrors.PaperDocumentInvalid("请选择扫描件（PDF 或图像）");
        }

        var stored = Store(upload, ReviewErrors.PaperDocumentInvalid);
        return stored.Succeeded
            ? Reviews.AddPaperDocument(Caller, Id, Version, PaperMaterial ?? string.Empty, stored.Value!, upload.FileName, PaperPages)
            : stored.Error!;
    }

    // An upload of the page into the case file: hashed, its kind found from its bytes (refused as the step's own error), stored
    // (recorded). Returns its SHA-256.
    private Outcome<string> Store(IFormFile upload, Func<string, ReviewError> refused)
    {
        using var content = upload.OpenReadStream();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var sniffed = ContentSniffer.Sniff(content, upload.ContentType);
        if (sniffed.ContentType is not { } type)
        {
            return refused(sniffed.Problem!.TrimEnd('。'));
        }

        content.Position = 0;
        var stored = files.Store(Caller, sha256, upload.Length, type, content);
        return stored.Succeeded ? sha256 : stored.Error!;
    }

    private IActionResult Done(Outcome<Review> outcome, string message, string anchor, string field = "") =>
        Done(outcome, message, anchor, _ => field);

    // After a change: back to the page (so a reload does not post again), or the page again with the
    // refusal beside the field it concerns and everything typed kept.
    private IActionResult Done(Outcome<Review> outcome, string message, string anchor, Func<ReviewError, string> field)
    {
        if (outcome.Succeeded)
        {
            Flash = message;
            return RedirectToPage("/Reviews/Review", null, new { id = Id }, anchor);
        }

        var error = outcome.Error!;
        ModelState.AddModelError(error.Code == "FS5007" ? string.Empty : field(error), error.Message);
        if (!Load())
        {
            return Unavailability();
        }

        // The version moved on; the form now carries the current one, so trying again is a conscious act.
        if (error.Code == "FS5007")
        {
            ModelState.Remove(nameof(Version));
        }

        return Page();
    }

    private JsonResult ChecklistAnswer(Outcome<Review> outcome)
    {
        if (!outcome.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var current = Reviews.Get(Caller, Id).Value;
            return new JsonResult(new
            {
                ok = false,
                code = outcome.Error!.Code,
                message = outcome.Error.Message,
                field = NoteOrStatus(outcome.Error),
                version = current?.Version,
            });
        }

        var review = outcome.Value!;
        var entry = review.FindChecklistItem(ItemId!)!;
        var permissions = Reviews.PermissionsOf(Caller, review);
        return new JsonResult(new
        {
            ok = true,
            version = review.Version,
            saved = $"已保存：{entry.Status.ToChinese()}，{entry.By?.Name} {Time(entry.At!.Value)}",
            canApprove = permissions.CanApprove,
            approveBlockers = permissions.Approve.Select(p => p.Message).ToList(),
        });
    }
}

/// <summary>One missing material's resolution as the acceptance form posts it.</summary>
public sealed class ResolutionInput
{
    public string? Material { get; set; }

    public string? How { get; set; }

    public int? Pages { get; set; }

    public string? Reason { get; set; }
}
