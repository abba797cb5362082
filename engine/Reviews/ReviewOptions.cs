namespace Fashen.Engine.Reviews;

/// <summary>Settings of the review workflow.</summary>
public sealed record ReviewOptions
{
    /// <summary>Gets the days within which reported decisions must be published, by kind of action.</summary>
    /// <value>The default value is the 2018 guideline's: 7 working days for 行政处罚 and 行政许可, 20 for the other kinds.</value>
    public Publication.PublicationDeadline PublicationDeadline { get; init; } = Publication.PublicationDeadline.Default;

    /// <summary>Gets the time zone whose calendar dates count (acceptance, deadlines).</summary>
    /// <value>The default value is China Standard Time (UTC+8, Asia/Shanghai).</value>
    public TimeZoneInfo TimeZone { get; init; } = ChinaStandardTime();

    /// <summary>Gets the calendar day of a moment where the reviews are made.</summary>
    /// <param name="at">The moment.</param>
    /// <returns>The local date.</returns>
    public DateOnly LocalDay(DateTimeOffset at) => LocalDay(at, TimeZone);

    /// <summary>Gets the calendar day of a moment in a time zone.</summary>
    /// <param name="at">The moment.</param>
    /// <param name="zone">The time zone.</param>
    /// <returns>The local date.</returns>
    public static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>Gets the most bytes of files one submission may name, all its materials together.</summary>
    /// <value>The default value is 1 GiB.</value>
    public long MaxReviewFileBytes { get; init; } = 1024L * 1024 * 1024;

    private static TimeZoneInfo ChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without time zone data: China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }
}
