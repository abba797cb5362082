using System.Text;
using Antlr4.Runtime;
using Fashen.Grammar.Parsing;

namespace Fashen.Grammar.Generated;

/// <summary>Two additions to the generated lexer: amounts in Chinese numerals, and a crash fix in ANTLR's C# runtime.</summary>
internal partial class ThresholdLexer
{
    // Words that a published catalogue writes straight against an amount, with no space; the longer first.
    private static readonly (string Text, int Type)[] Glued =
    [
        ("不含本数", EXCL), ("含本数", INCL), ("超过", OVER), ("不满", UNDER), ("不含", EXCL), ("含", INCL),
        ("以上", ABOVE), ("以下", BELOW), ("以内", WITHIN), ("倍", TIMES), (Currency, WS),
        .. Keywords.UnsupportedComparatives.Keys.OrderByDescending(k => k.Length).Select(k => (k, COMPARATIVE)),
    ];

    private const string Currency = "人民币";

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
        if (token.Type != WORD)
        {
            return token;
        }

        // 人民币5万元: the currency a published amount names is 元 already; read past it, as past 人民币五万元 (Split).
        var pieces = token.Text == Currency && char.IsAsciiDigit((char)InputStream.LA(1)) ? [(0, token.Text.Length, WS)] : Split(token.Text);
        if (pieces is null)
        {
            return token;
        }

        foreach (var (offset, length, type) in pieces)
        {
            _split.Enqueue(new CommonToken(new Tuple<ITokenSource, ICharStream>(this, (ICharStream)InputStream), type, type == WS ? TokenConstants.HiddenChannel : token.Channel,
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

    // A word that is wholly drafting words and amounts in Chinese numerals ("五万元以上", "超过十万元", "二十万元以上不满五十万元",
    // "倍以上"), or a fact's name and its multiple ("没收金额的三倍以上", "没收金额的" before "3倍"); else null. A numeral alone
    // must show it is an amount — by 元, a drafting word or a place (十万) — so that names such as 一般程序 or 三小场所 stay names.
    private static List<(int Offset, int Length, int Type)>? Split(string word)
    {
        // 罚款金额不超过: a name and a comparison word the language does not use, told apart so that it can be reported as such.
        if (Keywords.UnsupportedComparatives.Keys.OrderByDescending(k => k.Length).FirstOrDefault(k => word.Length > k.Length && word.EndsWith(k, StringComparison.Ordinal)) is { } comparative)
        {
            return [(0, word.Length - comparative.Length, WORD), (word.Length - comparative.Length, comparative.Length, COMPARATIVE)];
        }

        var of = word.LastIndexOf('的');
        if (of > 0)
        {
            var rest = word[(of + 1)..];
            if (rest.Length == 0)
            {
                return [(0, of, WORD), (of, 1, DE)];
            }

            return Decompose(rest, of + 1) is { } multiple && multiple.Any(p => p.Type == TIMES)
                ? [(0, of, WORD), (of, 1, DE), .. multiple]
                : null;
        }

        return Decompose(word, 0);
    }

    private static List<(int Offset, int Length, int Type)>? Decompose(string word, int offset)
    {
        var pieces = new List<(int Offset, int Length, int Type)>();
        var shownAsAmount = false;
        var at = 0;
        while (at < word.Length)
        {
            if (Glued.FirstOrDefault(g => word.AsSpan(at).StartsWith(g.Text, StringComparison.Ordinal)) is { Text: not null } glued)
            {
                pieces.Add((offset + at, glued.Text.Length, glued.Type));
                at += glued.Text.Length;
                shownAsAmount = true;
                continue;
            }

            var run = 0;
            while (at + run < word.Length && ChineseNumerals.IsNumeral(word[at + run]))
            {
                run++;
            }

            // The longest numeral that reads one way; 元 straight after it belongs to the amount.
            while (run > 0 && !ChineseNumerals.TryParse(word.Substring(at, run), out _))
            {
                run--;
            }

            if (run == 0)
            {
                return null;
            }

            var numeral = word.Substring(at, run);
            var length = at + run < word.Length && word[at + run] == '元' ? run + 1 : run;
            shownAsAmount |= length > run || numeral.Any(c => c is '十' or '百' or '千' or '万' or '亿' or '拾' or '佰' or '仟' or '萬');
            pieces.Add((offset + at, length, AMOUNT));
            at += length;
        }

        var amounts = pieces.Count(p => p.Type == AMOUNT);
        return (amounts > 0 && shownAsAmount) || (amounts == 0 && pieces.Count > 1) ? pieces : null;
    }
}
