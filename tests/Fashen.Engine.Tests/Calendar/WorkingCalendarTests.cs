using Fashen.Engine.Calendar;
using Fashen.Engine.Classification;

namespace Fashen.Engine.Tests.Calendar;

public class WorkingCalendarTests
{
    private static WorkingCalendar Official => Samples.Workspace.Calendar!;

    [Theory]
    [InlineData("2026-10-01", false)] // National Day, Thursday
    [InlineData("2026-10-07", false)] // last day of the holiday, Wednesday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday, make-up working day
    [InlineData("2026-10-11", false)] // Sunday
    [InlineData("2026-09-20", true)] // Sunday, make-up working day
    [InlineData("2026-09-25", false)] // Mid-Autumn, Friday
    [InlineData("2026-02-14", true)] // Saturday before the Spring Festival, make-up
    [InlineData("2026-02-23", false)] // Monday, last day of the Spring Festival
    [InlineData("2024-02-09", true)] // New Year's Eve 2024 was a working day
    [InlineData("2025-10-08", false)] // 2025: National Day and Mid-Autumn together, eight days
    public void IsWorkingDay_OfficialArrangement(string date, bool working) =>
        Assert.Equal(working, Official.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AddWorkingDays_AcrossNationalDay2026_SkipsTheHolidayAndCountsTheMakeupSaturday()
    {
        // Materials complete on Wednesday 30 September; counting starts the next working day.
        var count = Official.AddWorkingDays(new DateOnly(2026, 9, 30), 7);

        Assert.Equal(new DateOnly(2026, 10, 8), count.FirstDay);
        Assert.Equal(new DateOnly(2026, 10, 15), count.LastDay);
    }

    [Fact]
    public void AddWorkingDays_CompleteOnHolidayEve_StartsAfterTheHoliday()
    {
        var count = Official.AddWorkingDays(new DateOnly(2026, 9, 24), 5);

        // 25–27 September are the Mid-Autumn holiday; 28 September is a Monday.
        Assert.Equal(new DateOnly(2026, 9, 28), count.FirstDay);
        Assert.Equal(new DateOnly(2026, 10, 9), count.LastDay);
    }

    [Fact]
    public void CountWorkingDays_NationalDayWeek2026_CountsNoneThenTheMakeupSaturday()
    {
        Assert.Equal((0, null), Official.CountWorkingDays(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 7)));
        Assert.Equal((3, null), Official.CountWorkingDays(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Classify_DeadlineInYearNotLoaded_IsProvisionalAndSaysSo()
    {
        var decision = Samples.Decision("""
            { "caseId": "c", "department": "jtys", "action": "行政处罚", "procedure": "一般程序", "facts": {} }
            """);

        var result = Samples.Classifier("jtys").Classify(decision, new ClassificationOptions(new DateOnly(2026, 12, 28), Official));

        Assert.Equal(ClassificationKind.Major, result.Kind);
        Assert.Equal(new DateOnly(2027, 1, 7), result.Deadline!.DueDate);
        Assert.NotNull(result.Deadline.ProvisionalReason);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("FS4005", diagnostic.Code);
        Assert.False(diagnostic.IsError);
        Assert.StartsWith("2027 年的法定节假日安排尚未载入（已载入：2024、2025、2026），审核时限按《全国年节及纪念日放假办法》", diagnostic.Message, StringComparison.Ordinal);
    }
}
