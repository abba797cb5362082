namespace Fashen.Engine.Calendar;

/// <summary>One year's official holiday arrangement (国务院办公厅 放假安排): the weekdays that are
/// rest days and the weekend days that are make-up working days (调休上班).</summary>
/// <param name="Year">The year.</param>
/// <param name="Source">The notice it comes from (国办发明电〔2024〕12号).</param>
/// <param name="RestDays">Days off, including weekend days inside the holiday.</param>
/// <param name="MakeupWorkdays">Weekend days that are working days.</param>
public sealed record HolidayArrangement(
    int Year,
    string Source,
    IReadOnlySet<DateOnly> RestDays,
    IReadOnlySet<DateOnly> MakeupWorkdays);
