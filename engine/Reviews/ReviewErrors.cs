using Fashen.Grammar.Diagnostics;

namespace Fashen.Engine.Reviews;

/// <summary>Every refusal of the review workflow (codes FS5xxx). Each code is documented in
/// docs/diagnostics.md and is never reused or renumbered.</summary>
public static class ReviewErrors
{
    /// <summary>FS5001: no such review, or not visible to the caller.</summary>
    /// <param name="id">The review id asked for.</param>
    /// <returns>The error.</returns>
    public static ReviewError ReviewNotFound(string id) => Error(
        "FS5001", $"没有编号为“{id}”的审核。请检查编号。", ReviewErrorKind.NotFound);

    /// <summary>FS5002: a decision that is not major was submitted for review.</summary>
    /// <param name="classification">The classification in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError NotMajor(string classification) => Error(
        "FS5002", $"该决定判定为“{classification}”，不属于重大执法决定，无需报送法制审核；可以直接申请作出决定（issuance）。", ReviewErrorKind.Invalid);

    /// <summary>FS5003: a decision lacks facts needed to classify it.</summary>
    /// <param name="missing">The missing facts' labels, joined.</param>
    /// <returns>The error.</returns>
    public static ReviewError Undetermined(string missing) => Error(
        "FS5003", $"缺少 {missing}，尚无法判定是否属于重大执法决定。请补充这些事实后再报送。", ReviewErrorKind.Invalid);

    /// <summary>FS5004: the case already has an open review.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="reviewId">The open review.</param>
    /// <returns>The error.</returns>
    public static ReviewError ReviewAlreadyOpen(string caseId, string reviewId) => Error(
        "FS5004", $"案件“{caseId}”已有未结束的审核 {reviewId}。补正或纠正后请重新报送到该审核，不要另行报送。", ReviewErrorKind.Conflict)
        with { Details = new Dictionary<string, string> { ["reviewId"] = reviewId } };

    /// <summary>FS5005: an action on a review that has ended.</summary>
    /// <param name="state">The final state in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError ReviewClosed(string state) => Error(
        "FS5005", $"该审核已经结束（{state}），不能再作任何变更。决定改变的，请作为新的决定重新报送。", ReviewErrorKind.Conflict);

    /// <summary>FS5006: an action the review's current state does not allow.</summary>
    /// <param name="action">The action in Chinese.</param>
    /// <param name="state">The current state in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError WrongState(string action, string state) => Error(
        "FS5006", $"审核当前为“{state}”，不能{action}。", ReviewErrorKind.Conflict);

    /// <summary>FS5007: the review changed since the caller read it.</summary>
    /// <param name="expected">The version the caller sent.</param>
    /// <param name="actual">The review's current version.</param>
    /// <returns>The error.</returns>
    public static ReviewError StaleVersion(long expected, long actual) => Error(
        "FS5007", $"审核已被他人更新（你看到的是第 {expected} 版，当前为第 {actual} 版）。请刷新后重新操作。", ReviewErrorKind.Conflict)
        with { Details = new Dictionary<string, string> { ["currentVersion"] = actual.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    /// <summary>FS5008: 同意 while checklist items are still unchecked.</summary>
    /// <param name="pending">The unchecked items' titles, joined.</param>
    /// <returns>The error.</returns>
    public static ReviewError ChecklistIncomplete(string pending) => Error(
        "FS5008", $"审核要点尚未全部完成：{pending}。同意前须逐项填写“无问题”或“有问题”。", ReviewErrorKind.Invalid);

    /// <summary>FS5009: an outcome that needs a written reason has none.</summary>
    /// <param name="outcome">The outcome in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError ReasonRequired(string outcome) => Error(
        "FS5009", $"审核意见“{outcome}”须写明理由。", ReviewErrorKind.Invalid);

    /// <summary>FS5010: 同意 before the counsel opinion a rule requires.</summary>
    /// <param name="rules">The rules that require it, joined.</param>
    /// <returns>The error.</returns>
    public static ReviewError CounselOpinionRequired(string rules) => Error(
        "FS5010", $"目录条目 {rules} 要求同意前听取法律顾问意见，目前还没有法律顾问意见。", ReviewErrorKind.Invalid);

    /// <summary>FS5011: the reviewer submitted or handled the case.</summary>
    /// <param name="name">The reviewer's name.</param>
    /// <returns>The error.</returns>
    public static ReviewError SeparationOfDuties(string name) => Error(
        "FS5011", $"“{name}”是本案的报送人或承办人，不能审核本案（审办分离）。请由其他法制审核人员审核。", ReviewErrorKind.Forbidden);

    /// <summary>FS5012: a first-time reviewer without the legal-profession qualification tried to decide.</summary>
    /// <param name="name">The reviewer's name.</param>
    /// <returns>The error.</returns>
    public static ReviewError QualificationRequired(string name) => Error(
        "FS5012", $"“{name}”初次从事法制审核，依照《行政处罚法》第五十八条第二款，应当取得法律职业资格后才能作出审核意见。", ReviewErrorKind.Forbidden);

    /// <summary>FS5013: the caller may not see or act on this department.</summary>
    /// <param name="department">The department id.</param>
    /// <returns>The error.</returns>
    public static ReviewError DepartmentNotAllowed(string department) => Error(
        "FS5013", $"你无权查看或办理部门“{department}”的审核。", ReviewErrorKind.Forbidden);

    /// <summary>FS5014: the caller lacks the role an action needs.</summary>
    /// <param name="action">The action in Chinese.</param>
    /// <param name="role">The role needed, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError RoleRequired(string action, string role) => Error(
        "FS5014", $"{action}须由{role}办理。", ReviewErrorKind.Forbidden);

    /// <summary>FS5015: a second extension.</summary>
    /// <returns>The error.</returns>
    public static ReviewError ExtensionAlreadyUsed() => Error(
        "FS5015", "审核时限只能延长一次，本审核已经申请过延长。", ReviewErrorKind.Conflict);

    /// <summary>FS5016: an extension the catalogue does not allow, or a decision on no request.</summary>
    /// <param name="why">Why, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError ExtensionNotAvailable(string why) => Error(
        "FS5016", $"不能延长审核时限：{why}", ReviewErrorKind.Conflict);

    /// <summary>FS5017: no such checklist item.</summary>
    /// <param name="itemId">The item id asked for.</param>
    /// <returns>The error.</returns>
    public static ReviewError ChecklistItemNotFound(string itemId) => Error(
        "FS5017", $"本审核没有审核要点“{itemId}”。", ReviewErrorKind.NotFound);

    /// <summary>FS5018: a reviewer acting on a review another reviewer has taken.</summary>
    /// <param name="reviewer">The assigned reviewer's name.</param>
    /// <returns>The error.</returns>
    public static ReviewError AssignedToAnother(string reviewer) => Error(
        "FS5018", $"本审核由“{reviewer}”负责，其他审核人员不能填写审核要点或作出审核意见。", ReviewErrorKind.Forbidden);

    /// <summary>FS5019: an idempotency key reused for a different request.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The error.</returns>
    public static ReviewError IdempotencyKeyReused(string key) => Error(
        "FS5019", $"幂等键“{key}”已用于另一个不同内容的请求。重试请原样重发；新的请求请使用新的幂等键。", ReviewErrorKind.Invalid);

    /// <summary>FS5020: a resubmission for another case or department.</summary>
    /// <param name="expected">The review's case, as "department/case".</param>
    /// <returns>The error.</returns>
    public static ReviewError CaseMismatch(string expected) => Error(
        "FS5020", $"重新报送的决定与本审核的案件（{expected}）不一致。", ReviewErrorKind.Invalid);

    /// <summary>FS5021: the decision sent has errors.</summary>
    /// <param name="diagnostics">The diagnostics (FS4xxx) about it.</param>
    /// <returns>The error.</returns>
    public static ReviewError DecisionInvalid(IReadOnlyList<Diagnostic> diagnostics) => new(
        "FS5021", $"决定有 {diagnostics.Count(d => d.IsError)} 处错误，请按 diagnostics 逐项修改后重发。", ReviewErrorKind.Invalid, diagnostics);

    /// <summary>FS5022: a text field that must not be empty is empty.</summary>
    /// <param name="field">The field in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError TextRequired(string field) => Error(
        "FS5022", $"{field}不能为空，请填写后重新提交。", ReviewErrorKind.Invalid);

    /// <summary>FS5023: issuance of a major decision that was never reviewed.</summary>
    /// <returns>The refusal.</returns>
    public static ReviewError NotReviewed() => Error(
        "FS5023", "该决定属于重大执法决定，未经法制审核不得作出。请先报送法制审核。", ReviewErrorKind.Conflict);

    /// <summary>FS5024: issuance while the review has not ended with 同意.</summary>
    /// <param name="reviewId">The review.</param>
    /// <param name="state">Its state in Chinese.</param>
    /// <param name="changes">How the decision differs from the version under review, in Chinese, or null when it is that version.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError ReviewNotApproved(string reviewId, string state, string? changes = null) => Error(
        "FS5024",
        $"审核 {reviewId} 当前为“{state}”"
            + (changes is null ? string.Empty : $"，且本次决定与审核的版本不同（{changes}）")
            + "，未经审核同意的重大执法决定不得作出。" + (changes is null ? string.Empty : "请把本版本报送审核（作为该审核的新一轮）。"),
        ReviewErrorKind.Conflict)
        with { Details = new Dictionary<string, string> { ["reviewId"] = reviewId } };

    /// <summary>FS5025: issuance of a decision that differs from the one approved.</summary>
    /// <param name="reviewId">The review that approved another version.</param>
    /// <param name="changes">What changed, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError ChangedSinceApproval(string reviewId, string changes) => Error(
        "FS5025", $"拟作出的决定与审核 {reviewId} 同意的版本不一致（{changes}），须重新报送法制审核。", ReviewErrorKind.Conflict)
        with { Details = new Dictionary<string, string> { ["reviewId"] = reviewId } };

    /// <summary>FS5026: the gate found the review's entries in the record broken, or the store's index of it
    /// differing from them: no permit until the record is verified and restored.</summary>
    /// <param name="reviewId">The review.</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError RecordBroken(string reviewId, string problem) => Error(
        "FS5026", $"审核 {reviewId} 的全过程记录校验未通过（{problem}），不能据此作出决定。请法制机构管理员校验全过程记录（GET /v1/record/verification 或 fashen audit verify）。", ReviewErrorKind.Conflict)
        with { Details = new Dictionary<string, string> { ["reviewId"] = reviewId } };

    /// <summary>FS5027: the decision breaks a form the law requires of it (the national baseline or the department's
    /// own), such as a fine beyond the simple procedure's limits of 《行政处罚法》第五十一条.</summary>
    /// <param name="violations">The forms broken, with why.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError UnlawfulForm(IReadOnlyList<Statute.FormViolation> violations) => Error(
        "FS5027",
        "决定不符合法定形式，不能这样作出：" + string.Join("；", violations.Select(v => $"{v.Title}（{v.Law ?? string.Join("、", v.Basis)}）：{v.Explanation.TrimEnd('。')}"))
            + "。请按法律规定改正后重新判定；确属重大的，按一般程序报送法制审核。",
        ReviewErrorKind.Invalid)
        with
        {
            Details = new Dictionary<string, string>
            {
                ["forms"] = string.Join(",", violations.Select(v => v.FormId)),
                ["basis"] = string.Join("；", violations.Select(v => v.Law ?? string.Join("、", v.Basis)).Distinct()),
            },
        };

    /// <summary>FS5028: a submission names a submitter or handler the service does not know as a person of the department.</summary>
    /// <param name="field">Which field: 报送人（submittedBy） or 承办人（handledBy）.</param>
    /// <param name="problem">Why the name names nobody (or more than one), in Chinese.</param>
    /// <param name="suggestions">The people it may have meant, joined, or empty.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PersonNotKnown(string field, string problem, string suggestions) => Error(
        "FS5028",
        $"{field}：{problem}" + (suggestions.Length == 0 ? string.Empty : $"是否是：{suggestions}？")
            + "报送人和承办人须是本系统登记的本部门人员（写姓名或登录名，不加职务），审办分离按人核对。",
        ReviewErrorKind.Invalid);

    /// <summary>FS5029: no file with this SHA-256 that the caller may read is held.</summary>
    /// <param name="sha256">The SHA-256 asked for.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError FileNotFound(string sha256) => Error(
        "FS5029", $"没有可供你查看的文件 {sha256}：它没有上传过，只登记在其他系统中（执法记录仪的录像等），或不属于你能查看的案件。", ReviewErrorKind.NotFound);

    /// <summary>FS5030: a submission names a file this case system has not uploaded (or registered).</summary>
    /// <param name="material">The material.</param>
    /// <param name="fileName">The file's name as given.</param>
    /// <param name="sha256">The SHA-256 named.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError FileNotAttached(string material, string fileName, string sha256) => Error(
        "FS5030", $"材料“{material}”的文件“{fileName}”（SHA-256 {sha256}）没有由本案件系统上传：请先上传（PUT /v1/files/{sha256}），录像可登记（POST /v1/files/recordings），再报送。",
        ReviewErrorKind.Invalid);

    /// <summary>FS5031: the files of one submission are larger than allowed together.</summary>
    /// <param name="total">Their size together.</param>
    /// <param name="limit">The limit.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError FilesTooLarge(long total, long limit) => Error(
        "FS5031", $"这次报送的文件共 {total / (1024 * 1024)} MB，超过一个审核 {limit / (1024 * 1024)} MB 的上限（Fashen:MaxReviewFileBytes）。大的录像请留在原系统中登记。",
        ReviewErrorKind.Invalid);

    /// <summary>FS5032: a review accepted without a material, with no word of how that material was resolved.</summary>
    /// <param name="material">The material.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError MaterialUnresolved(string material) => Error(
        "FS5032", $"材料“{material}”没有提交：受理前请写明如何解决——纸质材料已收（写明页数，1 至 {MaterialResolution.MaxPages} 页），或免予提交（写明理由，最多 {MaterialResolution.MaxReasonLength} 字）。",
        ReviewErrorKind.Invalid);

    /// <summary>FS5033: issuance of a reviewed decision whose request does not say which documents go with it.</summary>
    /// <param name="reviewId">The review, whose approval covers the documents submitted with the decision.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError DocumentsNotStated(string reviewId) => Error(
        "FS5033", $"审核 {reviewId} 同意的是决定连同报送的文件；申请作出决定时请在 materials 中列出随决定的文件（与报送时的写法相同：材料名称和文件的 SHA-256），才能核对它们与同意的版本一致。",
        ReviewErrorKind.Invalid)
        with { Details = new Dictionary<string, string> { ["reviewId"] = reviewId } };

    /// <summary>FS5034: a review with no opinion yet has no opinion document.</summary>
    /// <param name="reviewId">The review.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError OpinionNotGiven(string reviewId) => Error(
        "FS5034", $"审核 {reviewId} 尚未作出审核意见，还没有法制审核意见书。", ReviewErrorKind.Conflict);

    /// <summary>FS5035: the opinion's PDF cannot be made on this machine (its font is missing or unreadable).</summary>
    /// <param name="problem">Why, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError OpinionNotRendered(string problem) => Error(
        "FS5035", $"法制审核意见书的 PDF 暂时无法生成：{problem}。审核意见已记录，不受影响；请管理员安装字体（见 README）后再取。", ReviewErrorKind.Unavailable);

    /// <summary>FS5036: a webhook endpoint that cannot be registered as asked.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError WebhookInvalid(string problem) => Error("FS5036", $"事件通知地址不能登记：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5037: no such webhook endpoint or delivery that the caller may see.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError WebhookNotFound(string id) => Error(
        "FS5037", $"没有你可以办理的事件通知地址或未送达的通知 {id}（通知地址只有登记它的案件系统和管理员可见；只有未送达的通知可以重新发送）。", ReviewErrorKind.NotFound);

    /// <summary>FS5038: a scanned paper document that cannot be added as described.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PaperDocumentInvalid(string problem) => Error("FS5038", $"纸质材料扫描件不能添加：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5039: an issued decision reported with a permit that is not one Fashen issued.</summary>
    /// <param name="problem">Why the permit is not valid, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PermitInvalid(string problem) => Error(
        "FS5039", $"报告的决定所附许可凭证无效：{problem.TrimEnd('。')}。请附关卡签发的许可凭证（permit.token）；没有许可凭证的决定不附此项。", ReviewErrorKind.Invalid);

    /// <summary>FS5040: an issued decision reported with a field that cannot be recorded as given.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError ReportInvalid(string problem) => Error("FS5040", $"已作出的决定不能记录：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5041: no reported decision at that place of the record that the caller may see.</summary>
    /// <param name="sequence">The record entry asked for.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError ReportNotFound(long sequence) => Error(
        "FS5041", $"全过程记录第 {sequence} 条不是你可以查看的已作出决定的报告。", ReviewErrorKind.NotFound);

    /// <summary>FS5042: no publication of that id the caller may see.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PublicationNotFound(string id) => Error("FS5042", $"没有你可以查看的公开信息 {id}。", ReviewErrorKind.NotFound);

    /// <summary>FS5043: a publication not in the state the step needs.</summary>
    /// <param name="action">The step.</param>
    /// <param name="state">Its state, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PublicationWrongState(string action, string state) => Error(
        "FS5043", $"这条公开信息当前为“{state}”，不能{action}（待审核的可审核公开；已公开的可纠错或撤回）。", ReviewErrorKind.Conflict);

    /// <summary>FS5044: a publication step with text that cannot be used.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError PublicationInvalid(string problem) => Error("FS5044", $"公开信息不能保存：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5046: giving back or transferring a review the caller may not hand over.</summary>
    /// <param name="why">Why, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError HandoverNotAllowed(string why) => Error("FS5046", $"不能退回领取或转交本审核：{why}", ReviewErrorKind.Conflict);

    /// <summary>FS5047: a transfer to someone who may not take the review.</summary>
    /// <param name="why">Why, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError TransferTargetInvalid(string why) => Error("FS5047", $"不能把审核转交给这个人：{why}", ReviewErrorKind.Invalid);

    /// <summary>FS5048: a reason longer than a field allows.</summary>
    /// <param name="field">The field, in Chinese.</param>
    /// <param name="length">Its length.</param>
    /// <param name="max">The most allowed.</param>
    /// <returns>The error.</returns>
    public static ReviewError TextTooLong(string field, int length, int max) => Error("FS5048", $"{field}共 {length} 个字，最多 {max} 个。", ReviewErrorKind.Invalid);

    /// <summary>FS5049: a step after the opinion is missing: the head's confirmation, or the collective discussion a matched
    /// rule requires, or its conclusion was not to make the decision.</summary>
    /// <param name="reviewId">The review.</param>
    /// <param name="what">What is missing, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError SignOffIncomplete(string reviewId, string what) => Error(
        "FS5049", $"审核 {reviewId} 同意后还须办结的步骤未完成：{what}，暂不能作出决定。", ReviewErrorKind.Conflict);

    /// <summary>FS5050: a collective discussion that cannot be recorded as given.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError DiscussionInvalid(string problem) => Error("FS5050", $"集体讨论不能记录：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5051: an account or API key the admin asked for cannot be made or changed as given.</summary>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The error.</returns>
    public static ReviewError AdministrationInvalid(string problem) => Error("FS5051", $"账号或 API 密钥不能按所填的办理：{problem}。", ReviewErrorKind.Invalid);

    /// <summary>FS5052: a head confirming the opinion they gave themselves.</summary>
    /// <param name="name">The head's name.</param>
    /// <returns>The error.</returns>
    public static ReviewError OwnOpinion(string name) => Error(
        "FS5052", $"审核意见是“{name}”本人提出的，须由其他负责人确认。", ReviewErrorKind.Forbidden);

    /// <summary>FS5045: no record entry at that place of a department the caller may see.</summary>
    /// <param name="sequence">The record entry asked for.</param>
    /// <returns>The refusal.</returns>
    public static ReviewError EntryNotFound(long sequence) => Error("FS5045", $"全过程记录第 {sequence} 条不存在，或不属于你可以查看的部门。", ReviewErrorKind.NotFound);

    private static ReviewError Error(string code, string message, ReviewErrorKind kind) => new(code, message, kind, []);
}
