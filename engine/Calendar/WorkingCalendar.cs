namespace Fashen.Engine.Calendar;

/// <summary>The official working-day calendar: weekends, State Council rest days and 调休 make-up
/// working days, for the years whose arrangement is loaded.</summary>
/// <remarks>A date in a year that is not loaded has no answer, never a guess: the arrangement is only
/// published late in the year before.</remarks>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, HolidayArrangement> _years;

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

    /// <summary>Tells whether a date is a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True or false, or null when the date's year is not loaded.</returns>
    public bool? IsWorkingDay(DateOnly date)
    {
        if (!_years.TryGetValue(date.Year, out var year))
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
    /// <returns>The last working day counted, or the first year met that is not loaded.</returns>
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

        return new WorkingDayCount(first, date, null);
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
public sealed record WorkingDayCount(DateOnly? FirstDay, DateOnly? LastDay, int? MissingYear);
