using System.Text.Json.Nodes;
using Fashen.Engine.Classification;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Says in Chinese what each entry of the record is and what it holds, for the review pages,
/// the history in the API and printed documents.</summary>
public static class RecordText
{
    /// <summary>Names an entry's type: <c>review.returned</c> is 退回补正.</summary>
    /// <param name="type">The entry type.</param>
    /// <returns>The name in Chinese; the type itself when unknown.</returns>
    public static string TypeName(string type) => type switch
    {
        "review.submitted" => "报送审核",
        "review.accepted" => "受理",
        "review.returned" => "退回补正",
        "review.resubmitted" => "重新报送",
        "review.assigned" => "领取审核",
        "review.released" => "退回领取",
        "review.transferred" => "转交审核",
        "review.checklist_recorded" => "填写审核要点",
        "review.opinion_added" => "法律顾问意见",
        "review.extension_requested" => "申请延期",
        "review.extension_decided" => "延期审批",
        "review.decided" => "审核意见",
        "review.outcome_proposed" => "审核意见（待负责人确认）",
        "review.proposal_returned" => "负责人退回审核意见",
        "review.collective_discussion_recorded" => "负责人集体讨论",
        "reminder.due_soon" => "到期提醒",
        "account.created" => "新建账号",
        "account.changed" => "修改账号",
        "account.disabled" => "停用账号",
        "account.enabled" => "启用账号",
        "account.password_reset" => "重置密码",
        "api_key.created" => "新建 API 密钥",
        "api_key.revoked" => "停用 API 密钥",
        "api_key.rotated" => "更换 API 密钥",
        "reminder.overdue" => "超期提醒负责人",
        "review.paper_document_added" => "添加纸质材料扫描件",
        "decision.issued" => "报告已作出的决定",
        "publication.approved" => "审核并公开执法决定",
        "publication.corrected" => "公开信息纠错",
        "publication.withdrawn" => "撤回公开的执法决定",
        "alert.issued_without_permit" => "未经许可作出决定",
        "alert.issued_not_as_permitted" => "作出的决定与许可不符",
        "alert.invalid_permit_presented" => "出示无效的许可凭证",
        "opinion.archived" => "审核意见书归档",
        "webhook.registered" => "登记事件通知地址",
        "webhook.removed" => "删除事件通知地址",
        "webhook.dead_lettered" => "事件通知未送达",
        "webhook.replayed" => "重新发送事件通知",
        "decision.classified" => "判定",
        "decision.reclassified" => "重新判定",
        "permit.issued" => "准予作出决定",
        "issuance.refused" => "不予作出决定",
        "decision.unlawful" => "不符合法定形式",
        "alert.review_evasion" => "规避审核嫌疑",
        "alert.record_broken" => "审核记录校验未通过",
        "catalogues.loaded" => "载入目录清单",
        "catalogues.reload_refused" => "拒绝载入目录清单",
        "file.stored" => "存入案卷文件",
        "file.read" => "查阅案卷文件",
        "file.held" => "再次上传已存的案卷文件",
        "keys.sealed" => "加密共享密钥",
        "keys.rotated" => "更换密钥加密密钥",
        "alert.foreign_key" => "发现来历不明的共享密钥",
        _ => type,
    };

    /// <summary>Describes what an entry records, in one line.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The description in Chinese.</returns>
    public static string Describe(AuditEntry entry)
    {
        if (ReviewEventSerializer.IsReviewEvent(entry.Type))
        {
            return Describe(ReviewEventSerializer.Deserialize(entry.Type, entry.Data));
        }

        var data = JsonNode.Parse(entry.Data) as JsonObject ?? [];
        return entry.Type switch
        {
            "decision.classified" => $"{Text(data, "caseId")}：{Classification(Text(data, "classification"))}{Rules(data["rules"])}",
            "decision.reclassified" => $"{Text(data, "caseId")}：{Classification(Text(data["before"], "classification"))}{Rules(data["before"]?["rules"])} → "
                + $"{Classification(Text(data["after"], "classification"))}{Rules(data["after"]?["rules"])}",
            "permit.issued" => $"{Text(data, "caseId")}：签发许可凭证 {Text(data, "permitId")}",
            "issuance.refused" => $"{Text(data, "caseId")}：{Text(data, "reason")}",
            "decision.unlawful" => $"{Text(data, "caseId")}：{Text(data, "request")}的决定不符合法定形式 "
                + string.Join("、", (data["forms"] as JsonArray ?? []).Select(f => $"{Text(f, "id")}（{Text(f, "basis")}）")),
            "alert.review_evasion" => $"{Text(data, "caseId")}：已有审核 {Text(data, "reviewId")}，{Text(data, "request")}的决定与审核的版本不同（"
                + string.Join("；", (data["differences"] as JsonArray ?? []).Select(d => $"{Text(d, "label")}：{Text(d, "before")} → {Text(d, "after")}")) + "）",
            "alert.record_broken" => $"{Text(data, "caseId")}：{Text(data, "problem")}",
            "alert.issued_without_permit" or "alert.issued_not_as_permitted" or "alert.invalid_permit_presented" =>
                $"{Text(data, "caseId")}（{Text(data, "documentNumber")}）：{Text(data, "problem")}",
            "decision.issued" => $"{Text(data, "caseId")}：{Text(data, "documentNumber")}，{Text(data, "decidedOn")} 作出",
            "publication.withdrawn" => $"{Text(data, "publicationId")}：决定于 {Text(data, "changedOn")} 被{Text(data, "grounds")}，{Text(data, "reason")}"
                + (data["late"]?.GetValue<bool>() == true ? "（超过三日撤回）" : string.Empty),
            "catalogues.loaded" => "在用目录清单：" + string.Join("、", (data["inForce"] as JsonArray ?? []).Select(c => $"{Text(c, "id")} {Text(c, "version")}")),
            "catalogues.reload_refused" => "目录清单有错误，原有目录继续使用",
            "account.created" or "account.changed" or "account.disabled" or "account.enabled" =>
                $"{Text(data, "name")}（{Text(data, "username")}）：{Roles(data["roles"])}；部门 {List(data["departments"])}"
                + (data["disabled"]?.GetValue<bool>() == true ? "；已停用" : string.Empty),
            "account.password_reset" => $"{Text(data, "name")}（{Text(data, "username")}）的密码已重置，一次性密码只交给本人",
            "api_key.created" or "api_key.revoked" or "api_key.rotated" => $"{Text(data, "name")}（{Text(data, "id")}）：部门 {List(data["departments"])}"
                + (data["disabled"]?.GetValue<bool>() == true ? "；已停用" : string.Empty),
            "reminder.due_soon" => $"{Text(data, "caseId")}：审核于 {Text(data, "dueDate")}{(data["dueToday"]?.GetValue<bool>() == true ? "（今天）" : "（下一个工作日）")}届满，"
                + (data["reviewer"] is JsonObject reviewer ? $"提醒审核人员 {Text(reviewer, "name")}" : "尚无人领取，提醒本部门审核人员"),
            "reminder.overdue" => $"{Text(data, "caseId")}：审核已于 {Text(data, "dueDate")} 届满，已超期，通知负责人"
                + (data["reviewer"] is JsonObject late ? $"（审核人员 {Text(late, "name")}）" : "（尚无人领取）"),
            "file.stored" => data?["external"] is JsonObject external
                ? $"登记{Text(external, "system")}中的录像 {Text(external, "location")}（SHA-256 {Text(data, "sha256")}）"
                : $"{Text(data, "contentType")}，{data?["size"]} 字节，SHA-256 {Text(data, "sha256")}",
            "file.read" => $"SHA-256 {Text(data, "sha256")}（{Text(data, "contentType")}）",
            "keys.sealed" => "数据库中的共享密钥已全部加密存放；此前明文存放、本次加密的：" + Names(data),
            "keys.rotated" => "共享密钥已改用新的密钥加密密钥加密：" + Names(data),
            "alert.foreign_key" => "数据库中出现明文共享密钥，实例拒绝启动：" + Names(data),
            _ => entry.Data,
        };
    }

    /// <summary>Describes a review event, in one line.</summary>
    /// <param name="reviewEvent">The event.</param>
    /// <returns>The description in Chinese.</returns>
    public static string Describe(ReviewEvent reviewEvent) => reviewEvent switch
    {
        ReviewSubmitted e => $"报送人 {e.SubmittedBy}，承办人 {string.Join("、", e.HandledBy)}；附材料 {e.Submission.AttachedMaterials.Count} 项",
        ReviewAccepted e => (e.Automatic ? "材料齐全，自动受理" : "审核人员受理送审材料")
            + (e.Resolutions is { Count: > 0 } resolutions ? "（" + string.Join("；", resolutions.Select(r => $"{r.Material}：{r.ToChinese()}")) + "）" : string.Empty)
            + (e.DueDate is { } due ? $"；自 {Formatting.Date(e.StartsOn!.Value)} 起计算，{Formatting.Date(due)} 届满" : $"；{e.DueUnknownReason ?? "截止日期暂无法确定"}")
            + Provisional(e.DueProvisionalReason),
        ReviewReturned e => (e.Automatic ? "材料不全，自动退回补正" : "退回补正") + $"：缺 {string.Join("、", e.MissingMaterials)}" + Note(e.Note) + "；暂停计时",
        ReviewResubmitted e => (e.NewRound ? $"纠正后重新报送（第 {e.Round} 轮）" : "补正后重新报送")
            + (e.Changes.Count > 0 ? $"；{e.Changes.Count} 项事实有变化" : string.Empty)
            + (e.MaterialsAdded.Count > 0 ? $"；补充 {string.Join("、", e.MaterialsAdded)}" : string.Empty),
        ReviewAssigned e => $"{e.Reviewer.Name} 领取审核",
        ReviewReleased e => $"{e.From.Name} 不再负责本审核，待其他审核人员领取：{e.Reason}",
        ReviewTransferred e => (e.From is { } from ? $"由 {from.Name} 转交 {e.To.Name}" : $"交由 {e.To.Name} 审核") + $"：{e.Reason}",
        ChecklistItemRecorded e => $"“{ItemTitle(e.ItemId)}”：{e.Status.ToChinese()}" + Note(e.Note),
        OpinionAdded e => e.Text,
        ExtensionRequested e => $"申请延长审核时限：{e.Reason}",
        ExtensionDecided e => e.Approved
            ? $"同意延长 {e.AddedWorkingDays} 个工作日" + (e.DueDate is { } due ? $"，{Formatting.Date(due)} 届满" : string.Empty) + Provisional(e.DueProvisionalReason)
            : "不同意延长" + Note(e.Reason),
        OutcomeRecorded e => e.Outcome.ToChinese() + Note(e.Reason) + (e.ConfirmationNote is { } note ? $"；负责人确认：{note}" : string.Empty),
        OutcomeProposed e => $"拟{e.Outcome.ToChinese()}" + Note(e.Reason) + "，待法制机构负责人确认",
        ProposalReturned e => $"未确认，退回审核人员重新审核：{e.Reason}",
        CollectiveDiscussionRecorded e => $"{Formatting.Date(e.HeldOn)} 集体讨论（{string.Join("、", e.Participants)}）：{e.Conclusion.ToChinese()}"
            + Note(e.Summary) + $"；会议纪要 {e.Minutes.FileName}，SHA-256 {e.Minutes.Sha256[..12]}…",
        DeadlineRecomputed e => "节假日安排变化，重新计算截止日期：" + (e.PreviousDueDate is { } before ? $"由 {Formatting.Date(before)} 改为" : "定为")
            + $" {Formatting.Date(e.DueDate)} 届满" + (e.DueProvisionalReason is null ? "（正式）" : Provisional(e.DueProvisionalReason)),
        PaperDocumentAdded e => $"“{e.Material}”的纸质材料扫描件 {e.FileName}" + (e.Pages is { } pages ? $"（{pages} 页）" : string.Empty) + $"，SHA-256 {e.Sha256[..12]}…",
        _ => reviewEvent.GetType().Name,
    };

    private static string Provisional(string? reason) => reason is null ? string.Empty : $"（暂定：{reason}）";

    // Checklist item ids are "source:title"; the title is what people read.
    private static string ItemTitle(string itemId) => itemId[(itemId.LastIndexOf(':') + 1)..];

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? string.Empty : $"（{note}）";

    private static string Text(JsonNode? node, string member) => node?[member]?.GetValue<string>() ?? string.Empty;

    private static string List(JsonNode? items) =>
        items is JsonArray { Count: > 0 } list ? string.Join("、", list.Select(i => i!.GetValue<string>() == Caller.AllDepartments ? "全部" : i.GetValue<string>())) : "无";

    private static string Roles(JsonNode? roles) =>
        roles is JsonArray { Count: > 0 } list
            ? string.Join("、", list.Select(r => Enum.TryParse<Role>(r!.GetValue<string>(), ignoreCase: true, out var role) ? role.ToChinese() : r.GetValue<string>()))
            : "无角色";

    private static string Names(JsonNode? data) =>
        data?["keys"] is JsonArray { Count: > 0 } keys ? string.Join("、", keys.Select(k => k!.GetValue<string>())) : "无";

    private static string Classification(string wire) =>
        ClassificationKinds.TryParse(wire, out var kind) ? kind.ToChinese() : wire;

    private static string Rules(JsonNode? rules) =>
        rules is JsonArray { Count: > 0 } list ? $"（{string.Join("、", list.Select(r => r!.GetValue<string>()))}）" : string.Empty;
}
