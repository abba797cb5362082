namespace Fashen.Engine.Reviews;

/// <summary>Where a review stands (审核状态).</summary>
public enum ReviewState
{
    /// <summary>Returned for missing materials (补正); the clock is paused until the case system resubmits.</summary>
    Returned,

    /// <summary>Materials complete and accepted (已受理); the clock runs from the next working day.</summary>
    Accepted,

    /// <summary>A reviewer has taken the review (审核中).</summary>
    UnderReview,

    /// <summary>The outcome was 纠正: the case system must correct the decision and resubmit it.</summary>
    Correcting,

    /// <summary>The reviewer has given an opinion that the legal office's head (法制机构负责人) must confirm before it takes effect
    /// (待负责人确认), where the catalogue asks for it. The clock still runs: the confirmation is part of the review.</summary>
    AwaitingConfirmation,

    /// <summary>同意: the decision may be issued exactly as approved.</summary>
    Approved,

    /// <summary>不同意: the decision must not be issued.</summary>
    Rejected,

    /// <summary>移送: referred to the competent authority (suspected crime, beyond authority).</summary>
    Referred,
}

/// <summary>The outcome a reviewer records (审核意见).</summary>
public enum ReviewOutcome
{
    /// <summary>同意.</summary>
    Approve,

    /// <summary>纠正: correct and resubmit.</summary>
    Correct,

    /// <summary>不同意.</summary>
    Reject,

    /// <summary>移送有权机关处理.</summary>
    Refer,
}

/// <summary>How a checklist item was found.</summary>
public enum ChecklistStatus
{
    /// <summary>Not checked yet.</summary>
    Pending,

    /// <summary>Checked, no problem.</summary>
    Pass,

    /// <summary>Checked, a problem was found (the note says what).</summary>
    Problem,
}

/// <summary>Names of the review states, outcomes and checklist statuses.</summary>
public static class ReviewNames
{
    /// <summary>Gets the machine name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>returned, accepted, under_review, correcting, awaiting_confirmation, approved, rejected or referred.</returns>
    public static string ToWire(this ReviewState state) => state switch
    {
        ReviewState.Returned => "returned",
        ReviewState.Accepted => "accepted",
        ReviewState.UnderReview => "under_review",
        ReviewState.Correcting => "correcting",
        ReviewState.AwaitingConfirmation => "awaiting_confirmation",
        ReviewState.Approved => "approved",
        ReviewState.Rejected => "rejected",
        _ => "referred",
    };

    /// <summary>Gets the Chinese name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this ReviewState state) => state switch
    {
        ReviewState.Returned => "退回补正",
        ReviewState.Accepted => "已受理",
        ReviewState.UnderReview => "审核中",
        ReviewState.Correcting => "纠正后待重新报送",
        ReviewState.AwaitingConfirmation => "待负责人确认",
        ReviewState.Approved => "同意",
        ReviewState.Rejected => "不同意",
        _ => "已移送",
    };

    /// <summary>Gets a value indicating whether a state ends the review.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True for 同意, 不同意 and 移送.</returns>
    public static bool IsClosed(this ReviewState state) => state is ReviewState.Approved or ReviewState.Rejected or ReviewState.Referred;

    /// <summary>Reads a state from its machine name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="state">The state.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseState(string text, out ReviewState state)
    {
        foreach (var candidate in Enum.GetValues<ReviewState>())
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase) || text == candidate.ToChinese())
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>Gets the Chinese name of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>同意, 纠正, 不同意 or 移送.</returns>
    public static string ToChinese(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Approve => "同意",
        ReviewOutcome.Correct => "纠正",
        ReviewOutcome.Reject => "不同意",
        _ => "移送",
    };

    /// <summary>Gets the machine name of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>approve, correct, reject or refer.</returns>
    public static string ToWire(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Approve => "approve",
        ReviewOutcome.Correct => "correct",
        ReviewOutcome.Reject => "reject",
        _ => "refer",
    };

    /// <summary>Reads an outcome from its machine or Chinese name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseOutcome(string text, out ReviewOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<ReviewOutcome>())
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase) || text == candidate.ToChinese())
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    /// <summary>Reads what a reviewer found for a checklist item: pass (无问题) or problem (有问题).</summary>
    /// <param name="text">The name.</param>
    /// <param name="status">The status.</param>
    /// <returns>True for pass or problem; pending cannot be recorded.</returns>
    public static bool TryParseChecklistStatus(string? text, out ChecklistStatus status)
    {
        status = text switch
        {
            "pass" or "无问题" => ChecklistStatus.Pass,
            "problem" or "有问题" => ChecklistStatus.Problem,
            _ => ChecklistStatus.Pending,
        };
        return status != ChecklistStatus.Pending;
    }

    /// <summary>Gets the Chinese name of a checklist status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>未审核, 无问题 or 有问题.</returns>
    public static string ToChinese(this ChecklistStatus status) => status switch
    {
        ChecklistStatus.Pass => "无问题",
        ChecklistStatus.Problem => "有问题",
        _ => "未审核",
    };
}
