using Fashen.Grammar.Parsing;

namespace Fashen.Grammar.Tests.Parsing;

/// <summary>Chinese numerals as published catalogues write amounts, read one way or refused.</summary>
public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("五", 5)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("二千", 2_000)]
    [InlineData("两千", 2_000)]
    [InlineData("五万", 50_000)]
    [InlineData("两万", 20_000)]
    [InlineData("十万", 100_000)]
    [InlineData("二十万", 200_000)]
    [InlineData("一百万", 1_000_000)]
    [InlineData("五百万", 5_000_000)]
    [InlineData("一千万", 10_000_000)]
    [InlineData("一万五千", 15_000)]
    [InlineData("一万零五百", 10_500)]
    [InlineData("三千零五十", 3_050)]
    [InlineData("一千零五", 1_005)]
    [InlineData("一千零一十", 1_010)]
    [InlineData("一亿", 100_000_000)]
    [InlineData("一亿五千万", 150_000_000)]
    [InlineData("一亿零五百万", 105_000_000)]
    [InlineData("壹拾万", 100_000)]
    [InlineData("伍仟", 5_000)]
    [InlineData("贰万", 20_000)]
    public void AWellFormedNumeral_IsReadExactly(string text, long expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value), text);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("五五")]          // two digits with no place between
    [InlineData("一千五")]        // spoken 1,500; a document writes 一千五百
    [InlineData("一万五")]        // spoken 15,000
    [InlineData("一万五百")]      // 10,500 is 一万零五百
    [InlineData("五十千")]        // places out of order
    [InlineData("五千六千")]      // a place twice
    [InlineData("一千零")]        // 零 at the end
    [InlineData("零五")]          // 零 at the start
    [InlineData("万")]
    [InlineData("亿")]
    [InlineData("一万万")]
    [InlineData("五万元")]        // the unit is the caller's to strip
    [InlineData("5万")]
    public void AnythingElse_IsRefused(string text) => Assert.False(ChineseNumerals.TryParse(text, out _), text);
}
