namespace Fashen.Engine.Reviews;

/// <summary>The queue's tabs, as a legal office divides its work: 待办 (the office must act, the head's confirmation included), 已办 (the office has acted and
/// waits on the department: 补正 or 纠正), 办结 (the review has ended). Every review is in exactly one, so the counts add up
/// to the whole.</summary>
public enum QueueTab
{
    /// <summary>待办: accepted, under review, or awaiting the head's confirmation.</summary>
    ToDo,

    /// <summary>已办: returned for materials, or to be corrected and resubmitted.</summary>
    Handled,

    /// <summary>办结: 同意, 不同意 or 移送.</summary>
    Concluded,
}

/// <summary>The states of each tab, and its names.</summary>
public static class QueueTabs
{
    /// <summary>Gets every tab, in the order shown.</summary>
    public static IReadOnlyList<QueueTab> All { get; } = [QueueTab.ToDo, QueueTab.Handled, QueueTab.Concluded];

    /// <summary>Gets the states a tab lists.</summary>
    /// <param name="tab">The tab.</param>
    /// <returns>The states.</returns>
    public static IReadOnlyList<ReviewState> States(this QueueTab tab) => tab switch
    {
        QueueTab.ToDo => [ReviewState.Accepted, ReviewState.UnderReview, ReviewState.AwaitingConfirmation],
        QueueTab.Handled => [ReviewState.Returned, ReviewState.Correcting],
        _ => [ReviewState.Approved, ReviewState.Rejected, ReviewState.Referred],
    };

    /// <summary>Gets the tab a state is listed under.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The tab.</returns>
    public static QueueTab Of(ReviewState state) => All.First(tab => tab.States().Contains(state));

    /// <summary>Gets the order a tab lists in: the open ones by due date, the concluded ones newest first.</summary>
    /// <param name="tab">The tab.</param>
    /// <returns>The order.</returns>
    public static ReviewOrder Order(this QueueTab tab) => tab == QueueTab.Concluded ? ReviewOrder.RecentlyChanged : ReviewOrder.SoonestDue;

    /// <summary>Gets a tab's Chinese name.</summary>
    /// <param name="tab">The tab.</param>
    /// <returns>待办, 已办 or 办结.</returns>
    public static string ToChinese(this QueueTab tab) => tab switch
    {
        QueueTab.ToDo => "待办",
        QueueTab.Handled => "已办",
        _ => "办结",
    };

    /// <summary>Gets a tab's machine name.</summary>
    /// <param name="tab">The tab.</param>
    /// <returns>todo, handled or concluded.</returns>
    public static string ToWire(this QueueTab tab) => tab switch
    {
        QueueTab.ToDo => "todo",
        QueueTab.Handled => "handled",
        _ => "concluded",
    };

    /// <summary>Reads a tab from its machine or Chinese name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="tab">The tab.</param>
    /// <returns>True when known.</returns>
    public static bool TryParse(string? text, out QueueTab tab)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase) || text == candidate.ToChinese())
            {
                tab = candidate;
                return true;
            }
        }

        tab = default;
        return false;
    }
}
