namespace Fashen.Grammar.Parsing;

/// <summary>Reads whole numbers written in Chinese numerals as published catalogues write amounts: 五万, 二千, 两万, 十万, 一百万,
/// 一万五千, 三千零五十, 壹拾万 (the financial forms).</summary>
/// <remarks>A numeral that could be read two ways is refused rather than guessed: a trailing digit straight after 百, 千 or 万
/// (一千五, 一万五: spoken for 1,500 and 15,000, but a document would write 一千五百), two digits with no place between (五五),
/// places out of order or repeated (五十千, 五千六千).</remarks>
public static class ChineseNumerals
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['一'] = 1, ['壹'] = 1, ['二'] = 2, ['两'] = 2, ['贰'] = 2, ['三'] = 3, ['叁'] = 3, ['四'] = 4, ['肆'] = 4,
        ['五'] = 5, ['伍'] = 5, ['六'] = 6, ['陆'] = 6, ['七'] = 7, ['柒'] = 7, ['八'] = 8, ['捌'] = 8, ['九'] = 9, ['玖'] = 9,
    };

    private static readonly Dictionary<char, int> Places = new()
    {
        ['十'] = 10, ['拾'] = 10, ['百'] = 100, ['佰'] = 100, ['千'] = 1000, ['仟'] = 1000,
    };

    /// <summary>Tells whether a character can be part of a Chinese numeral.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True for digits, places, 万 and 亿.</returns>
    public static bool IsNumeral(char c) => Digits.ContainsKey(c) || Places.ContainsKey(c) || c is '万' or '萬' or '亿';

    /// <summary>Reads a Chinese numeral.</summary>
    /// <param name="text">The numeral, nothing else.</param>
    /// <param name="value">Its value.</param>
    /// <returns>False when the text is not one numeral read one way.</returns>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 30 || !text.All(IsNumeral))
        {
            return false;
        }

        var parts = text.Split('亿');
        if (parts.Length > 2 || (parts.Length == 2 && parts[0].Length == 0))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return BelowHundredMillion(parts[0], leading: true, out value) && value > 0;
        }

        if (!BelowHundredMillion(parts[0], leading: true, out var high) || high == 0
            || !BelowHundredMillion(parts[1], leading: false, out var low))
        {
            return false;
        }

        value = (high * 100_000_000) + low;
        return true;
    }

    // Up to 9999,9999: an optional part before 万 and the part after it.
    private static bool BelowHundredMillion(string text, bool leading, out decimal value)
    {
        value = 0;
        var parts = text.Replace('萬', '万').Split('万');
        if (parts.Length > 2 || (parts.Length == 2 && parts[0].Length == 0))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return Section(parts[0], leading, out var only) && Set(only, out value);
        }

        if (!Section(parts[0], leading, out var high) || high == 0 || !Section(parts[1], leading: false, out var low))
        {
            return false;
        }

        value = (high * 10_000m) + low;
        return true;
    }

    // Below 10,000: digits each followed by its place (千, 百, 十), a 零 standing for places skipped, and a last digit of ones. A part
    // after 万 or 亿 (leading: false) may be empty; below 千 it must start with 零 (一万零五百, 一万五千).
    private static bool Section(string text, bool leading, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return !leading;
        }

        int? digit = null;
        var lastPlace = 10_000;
        var zero = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Digits.TryGetValue(c, out var d))
            {
                if (d == 0)
                {
                    if (digit is not null || i == text.Length - 1 || (i == 0 && leading))
                    {
                        return false; // 五零, 一千零, a numeral starting with 零
                    }

                    zero = true;
                    continue;
                }

                if (digit is not null)
                {
                    return false; // 五五
                }

                digit = d;
                continue;
            }

            var place = Places[c];
            if (place >= lastPlace)
            {
                return false; // 五十千, 五千六千
            }

            if (digit is null)
            {
                // 十 alone: 十, 十五, 十万; and 一千零十.
                if (place != 10 || !(i == 0 || zero))
                {
                    return false;
                }

                digit = 1;
            }

            value += digit.Value * place;
            (digit, lastPlace, zero) = (null, place, false);
        }

        if (digit is { } ones)
        {
            // A last digit counts as ones only when nothing above 十 comes straight before it.
            if (lastPlace is not (10 or 10_000) && !zero)
            {
                return false; // 一千五
            }

            value += ones;
        }

        // After 万 or 亿, a part below 千 must be marked by 零: 一万零五百 (10,500), never 一万五百.
        return leading || value == 0 || value >= 1000 || text[0] is '零';
    }

    private static bool Set(int section, out decimal value)
    {
        value = section;
        return true;
    }
}
