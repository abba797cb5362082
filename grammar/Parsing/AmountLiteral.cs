using System.Globalization;
using Fashen.Grammar.Syntax;

namespace Fashen.Grammar.Parsing;

/// <summary>Reads numbers with Chinese money units (<c>50000</c>, <c>5万</c>, <c>0.5万元</c>, <c>1.5亿</c>)
/// into exact decimal values.</summary>
/// <remarks>The same reading serves conditions in catalogues and amounts in decisions, so a
/// threshold and a decision's value can never be read differently.</remarks>
public static class AmountLiteral
{
    /// <summary>The largest integer part allowed, in 元: fifteen digits.</summary>
    public const decimal MaxValue = 999_999_999_999_999.9999m;

    /// <summary>The most decimal places allowed after converting to 元.</summary>
    public const int MaxScale = 4;

    private static readonly (string Suffix, AmountUnit Unit, decimal Factor)[] Units =
    [
        ("万元", AmountUnit.TenThousand, 10_000m),
        ("亿元", AmountUnit.HundredMillion, 100_000_000m),
        ("千元", AmountUnit.Thousand, 1_000m),
        ("万", AmountUnit.TenThousand, 10_000m),
        ("亿", AmountUnit.HundredMillion, 100_000_000m),
        ("千", AmountUnit.Thousand, 1_000m),
        ("元", AmountUnit.Yuan, 1m),
    ];

    /// <summary>Writes an amount of 元 as the language reads it: whole ten-thousands as 万元 (5万元), others in 元 (15000元, 2000.5元),
    /// never with separators, so that what is written parses back to the same value.</summary>
    /// <param name="yuan">The amount in 元.</param>
    /// <returns>The literal.</returns>
    public static string Write(decimal yuan)
    {
        var value = Normalize(yuan);
        return value >= 10_000 && value % 10_000 == 0
            ? (value / 10_000).ToString(CultureInfo.InvariantCulture) + "万元"
            : value.ToString(CultureInfo.InvariantCulture) + "元";
    }

    /// <summary>Reads an amount.</summary>
    /// <param name="text">The literal, digits with an optional decimal part and unit; surrounding spaces are ignored.</param>
    /// <param name="value">The exact value, in 元 when a unit was written, with trailing zeros removed.</param>
    /// <param name="unit">The unit written, or <see cref="AmountUnit.None"/>.</param>
    /// <returns>False when the text is not an amount or is out of range.</returns>
    public static bool TryParse(string text, out decimal value, out AmountUnit unit)
    {
        value = 0;
        unit = AmountUnit.None;
        var number = text.Trim();
        if (number.Length > 0 && ChineseNumerals.IsNumeral(number[0]))
        {
            return TryParseChinese(number, out value, out unit);
        }

        var factor = 1m;
        foreach (var (suffix, candidate, candidateFactor) in Units)
        {
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                number = number[..^suffix.Length].TrimEnd();
                unit = candidate;
                factor = candidateFactor;
                break;
            }
        }

        if (number.Length == 0 || number.Length > 28 || !IsPlainDecimal(number))
        {
            return false;
        }

        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        try
        {
            value = Normalize(digits * factor);
        }
        catch (OverflowException)
        {
            return false;
        }

        return value <= MaxValue && value.Scale <= MaxScale;
    }

    /// <summary>Tells whether an amount was written in Chinese numerals (五万元), which the formatter writes in digits.</summary>
    /// <param name="text">The literal.</param>
    /// <returns>True when it starts with a Chinese numeral.</returns>
    public static bool IsChinese(string text) => text.TrimStart() is { Length: > 0 } t && ChineseNumerals.IsNumeral(t[0]);

    // 五万元, 二千元, 十万, 一百万: the numeral read whole (一万五千 is not 一万五 thousands); the unit is the last place written, so that
    // 五万 is money as 5万 is.
    private static bool TryParseChinese(string number, out decimal value, out AmountUnit unit)
    {
        var yuan = number.EndsWith('元');
        var numeral = yuan ? number[..^1] : number;
        unit = numeral.Length == 0 ? AmountUnit.None : numeral[^1] switch
        {
            '万' or '萬' => AmountUnit.TenThousand,
            '亿' => AmountUnit.HundredMillion,
            '千' or '仟' => AmountUnit.Thousand,
            _ => yuan ? AmountUnit.Yuan : AmountUnit.None,
        };
        return ChineseNumerals.TryParse(numeral, out value) && value <= MaxValue;
    }

    /// <summary>Removes trailing zeros, so 5.00 and 5 are the same value with the same text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value with the smallest scale.</returns>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool IsPlainDecimal(string text)
    {
        var seenPoint = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !seenPoint && i > 0 && i < text.Length - 1)
            {
                seenPoint = true;
            }
            else if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
