namespace Fashen.Engine.Reviews;

/// <summary>How a review stands against its deadline.</summary>
public enum DueState
{
    /// <summary>More than one working day left.</summary>
    OnTime,

    /// <summary>Due today or on the next working day.</summary>
    DueSoon,

    /// <summary>Past the due date.</summary>
    Overdue,

    /// <summary>The clock is not running: returned for materials, awaiting correction, or not yet accepted.</summary>
    Paused,

    /// <summary>The review has ended.</summary>
    Closed,

    /// <summary>The due date cannot be computed: the calendar lacks the year.</summary>
    Unknown,
}

/// <summary>Names of the due states.</summary>
public static class DueStates
{
    /// <summary>Gets the machine name.</summary>
    /// <param name="state">The due state.</param>
    /// <returns>on_time, due_soon, overdue, paused, closed or unknown.</returns>
    public static string ToWire(this DueState state) => state switch
    {
        DueState.OnTime => "on_time",
        DueState.DueSoon => "due_soon",
        DueState.Overdue => "overdue",
        DueState.Paused => "paused",
        DueState.Closed => "closed",
        _ => "unknown",
    };

    /// <summary>Gets the Chinese name.</summary>
    /// <param name="state">The due state.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this DueState state) => state switch
    {
        DueState.OnTime => "未到期",
        DueState.DueSoon => "即将到期",
        DueState.Overdue => "已超期",
        DueState.Paused => "暂停计时",
        DueState.Closed => "已结束",
        _ => "无法计算",
    };

    /// <summary>Reads a due state from its machine name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="state">The state.</param>
    /// <returns>True when known.</returns>
    public static bool TryParse(string text, out DueState state)
    {
        foreach (var candidate in Enum.GetValues<DueState>())
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>Works out the due state of a review on a day.</summary>
    /// <param name="state">The review's state.</param>
    /// <param name="running">Whether its clock runs.</param>
    /// <param name="dueDate">Its due date, or null.</param>
    /// <param name="today">Today's local date.</param>
    /// <param name="nextWorkingDay">The next working day after today.</param>
    /// <returns>The due state.</returns>
    public static DueState Of(ReviewState state, bool running, DateOnly? dueDate, DateOnly today, DateOnly nextWorkingDay)
    {
        if (state.IsClosed())
        {
            return DueState.Closed;
        }

        if (!running)
        {
            return DueState.Paused;
        }

        if (dueDate is not { } due)
        {
            return DueState.Unknown;
        }

        return due < today ? DueState.Overdue : due <= nextWorkingDay ? DueState.DueSoon : DueState.OnTime;
    }
}
