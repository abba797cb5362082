using Fashen.Engine.Calendar;

namespace Fashen.Engine.Tests.Calendar;

/// <summary>The holidays the law fixes, for years whose State Council arrangement is not loaded.</summary>
public class StatutoryHolidaysTests
{
    [Fact]
    public void Year2027_HasTheLawsElevenDays_LunarOnesFromTheLunisolarCalendar()
    {
        var days = StatutoryHolidays.For(2027)!.RestDays.Order().Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // 除夕 5 February and 正月初一 6 February 2027; 清明 5 April; 端午 9 June; 中秋 15 September.
        Assert.Equal(
            ["01-01", "02-05", "02-06", "02-07", "02-08", "04-05", "05-01", "05-02", "06-09", "09-15", "10-01", "10-02", "10-03"],
            days);
        Assert.Empty(StatutoryHolidays.For(2027)!.MakeupWorkdays);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void OfficialArrangements_RestOnEveryStatutoryHoliday(int year)
    {
        // Since the 2024 revision (in force 2025) every official arrangement gives at least the law's days, so the lunar dates
        // computed here are checked against what the State Council published.
        var official = Samples.Workspace.Calendar!.For(year)!;

        Assert.Subset(official.RestDays.ToHashSet(), StatutoryHolidays.For(year)!.RestDays.ToHashSet());
    }

    [Fact]
    public void AddWorkingDays_IntoAYearNotLoaded_IsProvisional_FromTheStatutoryHolidays()
    {
        var count = Samples.Workspace.Calendar!.AddWorkingDays(new DateOnly(2026, 12, 28), 7);

        // 29–31 December (official), then 1 January 2027 a statutory holiday, 4–7 January.
        Assert.Equal(new DateOnly(2027, 1, 7), count.LastDay);
        Assert.Equal([2027], count.ProvisionalYears);
        Assert.Contains("按《全国年节及纪念日放假办法》规定的法定节假日暂定", count.ProvisionalReason, StringComparison.Ordinal);
        Assert.Contains("调休上班日无法预知", count.ProvisionalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_WithinLoadedYears_IsOfficial()
    {
        var count = Samples.Workspace.Calendar!.AddWorkingDays(new DateOnly(2026, 9, 30), 7);

        Assert.Empty(count.ProvisionalYears);
        Assert.Null(count.ProvisionalReason);
    }
}
