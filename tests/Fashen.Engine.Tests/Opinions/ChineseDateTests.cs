using Fashen.Engine.Opinions;

namespace Fashen.Engine.Tests.Opinions;

/// <summary>Dates in an opinion as official documents write them: the year digit by digit with 〇, the month and day as numbers.</summary>
public sealed class ChineseDateTests
{
    [Theory]
    [InlineData(2026, 12, 5, "二〇二六年十二月五日")]
    [InlineData(2030, 1, 10, "二〇三〇年一月十日")]
    [InlineData(2027, 10, 11, "二〇二七年十月十一日")]
    [InlineData(2026, 2, 20, "二〇二六年二月二十日")]
    [InlineData(2026, 3, 31, "二〇二六年三月三十一日")]
    [InlineData(2100, 11, 29, "二一〇〇年十一月二十九日")]
    public void Dates_AreWrittenInChineseNumerals(int year, int month, int day, string expected) =>
        Assert.Equal(expected, ChineseDate.Format(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("处罚依据不足", "处罚依据不足。")]
    [InlineData("处罚依据不足。", "处罚依据不足。")]
    [InlineData("是否合法？", "是否合法？")]
    [InlineData("同意 ", "同意。")]
    public void Sentences_EndWithOneFullStop(string text, string expected) => Assert.Equal(expected, FactSentences.Sentence(text));
}
