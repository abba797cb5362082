using System.Text;
using Antlr4.Runtime;
using Fashen.Grammar.Parsing;

namespace Fashen.Grammar.Generated;

/// <summary>Two additions to the generated lexer: amounts in Chinese numerals, and a crash fix in ANTLR's C# runtime.</summary>
internal partial class ThresholdLexer
{
    // Drafting words that a published catalogue writes straight before or after an amount, with no space.
    private static readonly (string Text, int Type)[] Before = [("超过", OVER), ("不满", UNDER), ("不含", EXCL), ("含", INCL)];
    private static readonly (string Text, int Type)[] After = [("以上", ABOVE), ("以下", BELOW), ("以内", WITHIN)];

    private readonly Queue<IToken> _split = new();

    /// <summary>Reads the next token. A run of Chinese characters is one word to the lexer (the longest match), so "五万元以上" or
    /// "超过十万元" would be a name; when a word is exactly an amount in Chinese numerals — with a unit or a drafting word beside it,
    /// so that names such as 一般程序 or 三小场所 stay names — it is given to the parser as the drafting words and the amount,
    /// each with its own place in the text, just as "5万元以上" is.</summary>
    /// <returns>The token.</returns>
    public override IToken NextToken()
    {
        if (_split.Count > 0)
        {
            return _split.Dequeue();
        }

        var token = base.NextToken();
        if (token.Type != WORD || Split(token.Text) is not { } pieces)
        {
            return token;
        }

        foreach (var (offset, length, type) in pieces)
        {
            _split.Enqueue(new CommonToken(new Tuple<ITokenSource, ICharStream>(this, (ICharStream)InputStream), type, token.Channel,
                token.StartIndex + offset, token.StartIndex + offset + length - 1)
            {
                Line = token.Line,
                Column = token.Column + offset,
                Text = token.Text.Substring(offset, length),
            });
        }

        return _split.Dequeue();
    }

    // The runtime's GetErrorDisplay calls char.ConvertToUtf32 on the offending text, which throws for
    // a lone surrogate: that is half of any emoji or rare CJK character, since the input stream is
    // read in UTF-16 units. Our error listener builds its own message, so any safe display will do.
    public override string GetErrorDisplay(string s)
    {
        var display = new StringBuilder();
        foreach (var c in s)
        {
            display.Append(char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return display.ToString();
    }

    // [超过|不满] numeral [元] [以上|以下|以内], the whole word, with 元, a drafting word or a place (十万) to show it is an amount; else null.
    private static List<(int Offset, int Length, int Type)>? Split(string word)
    {
        var pieces = new List<(int, int, int)>();
        var at = 0;
        if (Before.FirstOrDefault(b => word.StartsWith(b.Text, StringComparison.Ordinal)) is { Text: not null } before)
        {
            pieces.Add((0, before.Text.Length, before.Type));
            at = before.Text.Length;
        }

        var end = word.Length;
        (string Text, int Type)? after = After.FirstOrDefault(a => word.EndsWith(a.Text, StringComparison.Ordinal) && word.Length - a.Text.Length > at) is { Text: not null } found ? found : null;
        if (after is { } suffix)
        {
            end -= suffix.Text.Length;
        }

        var amount = word[at..end];
        var hasUnit = amount.EndsWith('元');
        var numeral = hasUnit ? amount[..^1] : amount;
        if (numeral.Length == 0 || !ChineseNumerals.TryParse(numeral, out _)
            || !(hasUnit || pieces.Count > 0 || after is not null || numeral.Any(c => c is '十' or '百' or '千' or '万' or '亿' or '拾' or '佰' or '仟' or '萬')))
        {
            return null;
        }

        pieces.Add((at, amount.Length, AMOUNT));
        if (after is { } last)
        {
            pieces.Add((end, last.Text.Length, last.Type));
        }

        return pieces;
    }
}
