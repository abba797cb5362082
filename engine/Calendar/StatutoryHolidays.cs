using System.Globalization;

namespace Fashen.Engine.Calendar;

/// <summary>The holidays the law itself fixes (《全国年节及纪念日放假办法》, 2024 年修订, 2025 年 1 月 1 日起施行), for a year whose
/// State Council arrangement is not yet published: 元旦 1 月 1 日；春节 农历除夕、正月初一至初三；清明节 清明当日；劳动节 5 月 1 日、2 日；
/// 端午节 农历五月初五；中秋节 农历八月十五；国庆节 10 月 1 日至 3 日. Lunar dates come from .NET's Chinese lunisolar calendar;
/// 清明 is the solar term (4 or 5 April). The arrangement moves days around weekends and adds make-up working days (调休),
/// which no rule predicts: a calendar built from these days is provisional, and says so.</summary>
public static class StatutoryHolidays
{
    /// <summary>The law the days come from, as shown beside a provisional deadline.</summary>
    public const string Law = "《全国年节及纪念日放假办法》";

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>Gets the first and last years the lunar calendar covers.</summary>
    public static (int First, int Last) Years => (Lunar.MinSupportedDateTime.Year + 1, Lunar.MaxSupportedDateTime.Year - 1);

    /// <summary>Builds a provisional arrangement: the statutory holidays as rest days, no make-up working days.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The arrangement, or null for a year the lunar calendar does not cover.</returns>
    public static HolidayArrangement? For(int year)
    {
        if (year < Years.First || year > Years.Last)
        {
            return null;
        }

        var springFestival = LunarDate(year, 1, 1);
        var rest = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            springFestival.AddDays(-1), springFestival, springFestival.AddDays(1), springFestival.AddDays(2),
            new(year, 4, Qingming(year)),
            new(year, 5, 1), new(year, 5, 2),
            LunarDate(year, 5, 5),
            LunarDate(year, 8, 15),
            new(year, 10, 1), new(year, 10, 2), new(year, 10, 3),
        };

        // 除夕 of the next lunar year can fall in this year's last days only in theory (正月初一 is never before 21 January).
        rest.RemoveWhere(d => d.Year != year);
        return new HolidayArrangement(year, $"{Law}（{year} 年放假安排公布前暂定）", rest, new HashSet<DateOnly>());
    }

    // The Gregorian date of a day of a lunar month in the lunar year that begins in the given Gregorian year. A leap month
    // takes the place after the month it repeats, so later months move one place on.
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    // 清明 (the sun at 15° longitude): day of April by the usual 21st-century formula, [Y × 0.2422 + 4.81] − [Y / 4] with Y the
    // year's last two digits; it gives 4 April 2024 and 2025, 5 April 2026 and 2027, as the published calendars do.
    private static int Qingming(int year)
    {
        var y = year % 100;
        return year is >= 2001 and <= 2099 ? (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4) : 5;
    }
}
