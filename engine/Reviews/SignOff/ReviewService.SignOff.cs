using Fashen.Engine.Documents;

namespace Fashen.Engine.Reviews;

/// <summary>The steps after the reviewer's opinion that a catalogue may require: the legal office head's confirmation
/// (法制机构负责人确认, <c>head_confirmation</c>) before the opinion takes effect, and, for decisions a rule marks
/// <c>collective_discussion</c>, the agency heads' collective discussion (集体讨论, 《行政处罚法》第五十七条第二款) after the
/// approval and before the decision is made. The gate permits only once every required step is done.</summary>
public sealed partial class ReviewService
{
    /// <summary>The most participants a discussion names.</summary>
    public const int MaxParticipants = 30;

    /// <summary>The longest summary of the minutes, in characters.</summary>
    public const int MaxDiscussionSummaryLength = 2000;

    /// <summary>Confirms the reviewer's opinion, which then takes effect, or sends it back to the reviewer with the reason.</summary>
    /// <param name="caller">A head (负责人) of the department who did not give the opinion.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the head saw.</param>
    /// <param name="confirmed">Whether to confirm.</param>
    /// <param name="note">A note on confirming; the reason, required, on sending back.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Confirm(Caller caller, string reviewId, long version, bool confirmed, string? note)
    {
        var found = Allowed(caller, reviewId, version, review => ConfirmProblem(caller, review));
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        var text = Trimmed(note);
        if (text is { Length: > MaxHandoverReasonLength })
        {
            return ReviewErrors.TextTooLong(confirmed ? "确认意见" : "退回理由", text.Length, MaxHandoverReasonLength);
        }

        if (!confirmed)
        {
            return text is null
                ? ReviewErrors.TextRequired("退回审核人员重新审核的理由")
                : Commit(review, version, caller.Actor, [new ProposalReturned(text)]);
        }

        var proposal = review.Proposal!;
        return Commit(review, version, caller.Actor, [new OutcomeRecorded(proposal.Outcome, proposal.Reason, text)]);
    }

    /// <summary>Records the agency heads' collective discussion of an approved decision, with the minutes as a document of the
    /// case file, stored before (PUT /v1/files/{sha256}, or the page's upload) by the caller.</summary>
    /// <param name="caller">A reviewer or head of the department, or its case system.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the caller saw.</param>
    /// <param name="discussion">What was discussed and concluded.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> RecordDiscussion(Caller caller, string reviewId, long version, DiscussionInput discussion)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        var found = Allowed(caller, reviewId, version, review => DiscussionProblem(caller, review));
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        var participants = discussion.Participants.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        var approvedOn = ReviewOptions.LocalDay(review.Decided!.Value.At, _options.TimeZone);
        var summary = Trimmed(discussion.Summary);
        var fileName = Path.GetFileName((discussion.FileName ?? string.Empty).Replace('\\', '/')).Trim();
        var invalid = discussion switch
        {
            _ when participants.Count < 2 => "集体讨论至少应有两位负责人参加，请逐一写明参加人员",
            _ when participants.Count > MaxParticipants || participants.Any(p => p.Length > 50) => $"参加人员最多 {MaxParticipants} 位，每位姓名最多 50 字",
            { HeldOn: null } => "请写明讨论的日期",
            { HeldOn: { } day } when day > Today => "讨论日期不能晚于今天",
            { HeldOn: { } day } when day < approvedOn => $"集体讨论应在法制审核同意（{Classification.Formatting.Date(approvedOn)}）之后",
            { Conclusion: null } => "请写明讨论结论：同意作出决定或不同意作出决定",
            _ when summary is { Length: > MaxDiscussionSummaryLength } => $"纪要摘要最多 {MaxDiscussionSummaryLength} 字",
            _ when fileName.Length is 0 or > MaxPaperNameLength => $"会议纪要的文件名应为 1 至 {MaxPaperNameLength} 个字",
            _ => null,
        };
        if (invalid is not null)
        {
            return ReviewErrors.DiscussionInvalid(invalid);
        }

        var sha256 = (discussion.Sha256 ?? string.Empty).ToLowerInvariant();
        if (StoredBy(caller, sha256) is not { } file)
        {
            return ReviewErrors.FileNotFound(sha256);
        }

        if (file.ContentType is not ("application/pdf" or "application/ofd") && !file.ContentType.StartsWith("image/", StringComparison.Ordinal)
            && !file.ContentType.Contains("wordprocessingml", StringComparison.Ordinal))
        {
            return ReviewErrors.DiscussionInvalid($"会议纪要应为 PDF、OFD、Word 文档或图像，这个文件是 {file.ContentType}");
        }

        var minutes = new SubmittedDocument("集体讨论记录", file.Sha256, fileName, file.Size, file.ContentType);
        return Commit(review, version, caller.Actor, [new CollectiveDiscussionRecorded(discussion.HeldOn!.Value, participants, discussion.Conclusion!.Value, summary, minutes)]);
    }

    /// <summary>What the sign-off steps still lack before the decision may be made: empty when none is required or all are done.</summary>
    /// <param name="review">An approved review.</param>
    /// <returns>What is missing, in Chinese.</returns>
    public static IReadOnlyList<string> MissingSignOffs(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var missing = new List<string>();
        if (review.Submission.HeadConfirmation && review.Confirmation is null)
        {
            missing.Add("法制机构负责人尚未确认审核意见");
        }

        if (!review.DiscussionRequired)
        {
            return missing;
        }

        if (review.Discussion is not { } discussion)
        {
            var rules = string.Join("、", review.Submission.MatchedRules.Where(r => r.RequiresCollectiveDiscussion).Select(r => r.Id));
            missing.Add($"目录条目 {rules} 要求负责人集体讨论，尚未记录集体讨论");
        }
        else if (discussion.Conclusion == DiscussionConclusion.Disagree)
        {
            missing.Add($"{Classification.Formatting.Date(discussion.HeldOn)} 负责人集体讨论的结论为不同意作出决定");
        }

        return missing;
    }

    // A head of the department, while an opinion waits for confirmation, who did not give it (a head who also reviews may not
    // confirm their own opinion).
    private static ReviewError? ConfirmProblem(Caller caller, Review review)
    {
        if (OpenProblem(caller, review, Role.Head, "确认审核意见") is { } problem)
        {
            return problem;
        }

        if (review.State != ReviewState.AwaitingConfirmation || review.Proposal is not { } proposal)
        {
            return ReviewErrors.WrongState("确认审核意见", review.State.ToChinese());
        }

        return proposal.By.Id == caller.Actor.Id ? ReviewErrors.OwnOpinion(caller.Actor.Name) : null;
    }

    // The department's reviewers and heads in the pages, or its case system, once the review approved a decision that a
    // matched rule says the heads must discuss.
    private static ReviewError? DiscussionProblem(Caller caller, Review review)
    {
        if (!caller.IsCaseSystem && !caller.Has(Role.Reviewer) && !caller.Has(Role.Head))
        {
            return ReviewErrors.RoleRequired("记录集体讨论", $"{Role.Reviewer.ToChinese()}、{Role.Head.ToChinese()}或案件系统");
        }

        if (!review.DiscussionRequired)
        {
            return ReviewErrors.DiscussionInvalid("本审核匹配的目录条目都不要求集体讨论");
        }

        return review.State == ReviewState.Approved ? null : ReviewErrors.WrongState("记录集体讨论（审核同意后）", review.State.ToChinese());
    }
}

/// <summary>A collective discussion as given by the caller, before it is checked.</summary>
/// <param name="HeldOn">The day of the meeting.</param>
/// <param name="Participants">The heads who took part, presiding first.</param>
/// <param name="Conclusion">What they concluded.</param>
/// <param name="Summary">The minutes in brief, or null.</param>
/// <param name="Sha256">The SHA-256 of the minutes file, stored before.</param>
/// <param name="FileName">The minutes file's name.</param>
public sealed record DiscussionInput(
    DateOnly? HeldOn, IReadOnlyList<string> Participants, DiscussionConclusion? Conclusion, string? Summary, string? Sha256, string? FileName);
