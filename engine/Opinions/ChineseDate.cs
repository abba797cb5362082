namespace Fashen.Engine.Opinions;

/// <summary>Dates as Chinese official documents write them (GB/T 9704): 二〇二六年十二月五日.</summary>
public static class ChineseDate
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>Writes a date in Chinese numerals: the year digit by digit, month and day as numbers (十二月, 二十一日).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date in words.</returns>
    public static string Format(DateOnly date) =>
        $"{string.Concat(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Digits[c - '0']))}年{Number(date.Month)}月{Number(date.Day)}日";

    // 1–31: 五, 十, 十二, 二十, 二十一, 三十一.
    private static string Number(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : Digits[n % 10].ToString()),
    };
}
