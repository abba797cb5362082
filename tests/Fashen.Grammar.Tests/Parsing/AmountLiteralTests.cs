using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;

namespace Fashen.Grammar.Tests.Parsing;

public class AmountLiteralTests
{
    [Theory]
    [InlineData("50000", "50000", AmountUnit.None)]
    [InlineData("5万", "50000", AmountUnit.TenThousand)]
    [InlineData("5万元", "50000", AmountUnit.TenThousand)]
    [InlineData("0.5万元", "5000", AmountUnit.TenThousand)]
    [InlineData("1.5亿", "150000000", AmountUnit.HundredMillion)]
    [InlineData("2亿元", "200000000", AmountUnit.HundredMillion)]
    [InlineData("3千元", "3000", AmountUnit.Thousand)]
    [InlineData("100元", "100", AmountUnit.Yuan)]
    [InlineData("49999.99", "49999.99", AmountUnit.None)]
    [InlineData("5.00万元", "50000", AmountUnit.TenThousand)]
    [InlineData("0.0001万元", "1", AmountUnit.TenThousand)]
    [InlineData(" 5 万元 ", "50000", AmountUnit.TenThousand)]
    [InlineData("五万元", "50000", AmountUnit.TenThousand)]
    [InlineData("二千元", "2000", AmountUnit.Thousand)]
    [InlineData("十五元", "15", AmountUnit.Yuan)]
    [InlineData("一百万", "1000000", AmountUnit.TenThousand)]
    public void TryParse_Units_ConvertsExactlyToYuan(string text, string expected, AmountUnit unit)
    {
        Assert.True(AmountLiteral.TryParse(text, out var value, out var actualUnit));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(unit, actualUnit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("万元")]
    [InlineData("一万五元")]
    [InlineData("五万五万元")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("-5")]
    [InlineData("5万万")]
    [InlineData("1e5")]
    [InlineData("5,000")]
    [InlineData("1000000000000000")]
    [InlineData("0.00001")]
    [InlineData("99999999999999999999999999999999")]
    public void TryParse_NotAnAmount_ReturnsFalse(string text) => Assert.False(AmountLiteral.TryParse(text, out _, out _));
}
