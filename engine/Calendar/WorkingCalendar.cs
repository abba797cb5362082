namespace Fashen.Engine.Calendar;

/// <summary>The official working-day calendar: weekends, State Council rest days and 调休 make-up
/// working days, for the years whose arrangement is loaded.</summary>
/// <remarks>The arrangement is only published late in the year before. For a year not loaded the calendar falls back on the
/// holidays the law fixes (<see cref="StatutoryHolidays"/>): every count that uses such a year says it is provisional (暂定),
/// never passing it off as official, and is recomputed once the arrangement is loaded.</remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, HolidayArrangement> _years;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HolidayArrangement?> _provisional = new();

    /// <summary>Initializes a new instance of the <see cref="WorkingCalendar"/> class.</summary>
    /// <param name="years">One arrangement per year.</param>
    public WorkingCalendar(IEnumerable<HolidayArrangement> years)
    {
        _years = years.ToDictionary(y => y.Year);
    }

    /// <summary>Gets the loaded years, in order.</summary>
    public IReadOnlyList<int> LoadedYears => _years.Keys.Order().ToList();

    /// <summary>Gets the arrangement of a year, if loaded.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The arrangement, or null.</returns>
    public HolidayArrangement? For(int year) => _years.GetValueOrDefault(year);

    /// <summary>Tells whether a year's days are provisional: its arrangement is not loaded.</summary>
    /// <param name="year">The year.</param>
    /// <returns>True when not loaded.</returns>
    public bool IsProvisional(int year) => !_years.ContainsKey(year);

    /// <summary>Says why deadlines in some years are provisional, for people.</summary>
    /// <param name="years">The years not loaded.</param>
    /// <returns>The sentence.</returns>
    public static string ProvisionalReason(IEnumerable<int> years) =>
        $"{string.Join("、", years)} 年的放假安排尚未公布或载入，按{StatutoryHolidays.Law}规定的法定节假日暂定；调休上班日无法预知，载入放假安排后重新计算。";

    /// <summary>Tells whether a date is a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True or false (provisional for a year not loaded), or null when not even the statutory holidays are known.</returns>
    public bool? IsWorkingDay(DateOnly date)
    {
        var year = _years.GetValueOrDefault(date.Year) ?? _provisional.GetOrAdd(date.Year, StatutoryHolidays.For);
        if (year is null)
        {
            return null;
        }

        if (year.MakeupWorkdays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.RestDays.Contains(date);
    }

    /// <summary>Finds the date a number of working days after a day, not counting that day itself.</summary>
    /// <param name="after">The day after which counting starts (the day the materials were complete).</param>
    /// <param name="workingDays">How many working days to count; at least 1.</param>
    /// <returns>The last working day counted, with the years it took provisionally; or the first year met that is not known.</returns>
    public WorkingDayCount AddWorkingDays(DateOnly after, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var date = after;
        DateOnly? first = null;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            switch (IsWorkingDay(date))
            {
                case null:
                    return new WorkingDayCount(null, null, date.Year);
                case true:
                    first ??= date;
                    counted++;
                    break;
            }
        }

        var start = after.AddDays(1).Year;
        var provisional = Enumerable.Range(start, date.Year - start + 1).Where(IsProvisional).ToList();
        return new WorkingDayCount(first, date, null) { ProvisionalYears = provisional };
    }

    /// <summary>Counts the working days after one date up to and including another.</summary>
    /// <param name="after">The day after which counting starts.</param>
    /// <param name="through">The last day counted.</param>
    /// <returns>The count, or the first year met that is not loaded.</returns>
    public (int? Count, int? MissingYear) CountWorkingDays(DateOnly after, DateOnly through)
    {
        var count = 0;
        for (var date = after.AddDays(1); date <= through; date = date.AddDays(1))
        {
            switch (IsWorkingDay(date))
            {
                case null:
                    return (null, date.Year);
                case true:
                    count++;
                    break;
            }
        }

        return (count, null);
    }
}

/// <summary>The outcome of counting working days.</summary>
/// <param name="FirstDay">The first working day counted, or null when a year was missing.</param>
/// <param name="LastDay">The last working day counted, or null when a year was missing.</param>
/// <param name="MissingYear">The first year met that is not loaded, or null.</param>
public sealed record WorkingDayCount(DateOnly? FirstDay, DateOnly? LastDay, int? MissingYear)
{
    /// <summary>Gets the years counted from the statutory holidays because their arrangement is not loaded; empty when official.</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    /// <summary>Gets why the count is provisional, for people, or null when it is official.</summary>
    public string? ProvisionalReason => ProvisionalYears.Count == 0 ? null : WorkingCalendar.ProvisionalReason(ProvisionalYears);
}
