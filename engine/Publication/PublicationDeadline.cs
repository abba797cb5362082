using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;

namespace Fashen.Engine.Publication;

/// <summary>When a decision must be published (国办发〔2018〕118号): within 7 working days of the decision for 行政许可 and
/// 行政处罚, within 20 for the other kinds, unless a law or regulation says otherwise, which the configuration writes down.</summary>
/// <param name="WorkingDays">The working days by kind of action; a kind not named takes <paramref name="OtherKinds"/>.</param>
/// <param name="OtherKinds">The working days for every other kind.</param>
public sealed record PublicationDeadline(IReadOnlyDictionary<ActionKind, int> WorkingDays, int OtherKinds)
{
    /// <summary>Gets the deadlines of the 2018 guideline.</summary>
    public static PublicationDeadline Default { get; } = new(new Dictionary<ActionKind, int> { [ActionKind.Penalty] = 7, [ActionKind.Licence] = 7 }, 20);

    /// <summary>Works out the day a decision must be published by.</summary>
    /// <param name="kind">The decision's kind of action.</param>
    /// <param name="decidedOn">The day it was made; counting starts the next day.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <returns>The last working day counted, or the first year whose holiday arrangement is not loaded.</returns>
    public WorkingDayCount Due(ActionKind kind, DateOnly decidedOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(decidedOn, WorkingDays.TryGetValue(kind, out var days) ? days : OtherKinds);
    }
}
