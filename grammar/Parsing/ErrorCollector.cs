using Antlr4.Runtime;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Generated;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Parsing;

/// <summary>Collects ANTLR's lexer and parser errors as Chinese diagnostics instead of printing
/// them to the console or throwing.</summary>
internal sealed class ErrorCollector(SourceFragment source) : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private readonly SourceText _lines = new(string.Empty, source.Text);
    private readonly List<Diagnostic> _diagnostics = [];
    private int _lastDoubled = -1;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    // Lexer errors: the position is the start of the token that could not be recognised.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        var offset = Math.Min(_lines.GetLineStart(line) + charPositionInLine, source.Text.Length - 1);
        if (offset > 0 && char.IsSurrogatePair(source.Text[offset - 1], source.Text[offset]))
        {
            // The lexer reads UTF-16 units: the second half of a character was reported with the first.
            return;
        }
        var local = new TextSpan(offset, char.IsHighSurrogate(source.Text[offset]) ? 2 : 1);
        var span = source.GetSpan(local);
        var character = char.IsHighSurrogate(source.Text[offset]) && offset + 1 < source.Text.Length
            ? source.Text.Substring(offset, 2)
            : source.Text[offset].ToString();
        if (offset == _lastDoubled)
        {
            return;
        }

        // && and || are one mistake, and mended at once.
        if (character is "&" or "|" && offset + 1 < source.Text.Length && source.Text[offset + 1] == character[0])
        {
            character += character;
            local = new TextSpan(offset, 2);
            span = source.GetSpan(local);
            _lastDoubled = offset + 1;
        }

        var replacement = character switch
        {
            "&" or "&&" => " 且 ",
            "|" or "||" => " 或 ",
            "!" => "非 ",
            _ => null,
        };
        _diagnostics.Add(character is "\"" or "“" or "'"
            ? GrammarDiagnostics.UnterminatedString(span, character)
            : GrammarDiagnostics.UnrecognizedCharacter(span, character) with { Fix = replacement is null ? null : DiagnosticFix.In(source, local, replacement) });
    }

    private static TextSpan LocalOf(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    // Parser errors: the offending token and what would have been accepted in its place. Only the
    // first is kept: after recovery ANTLR's further errors in one short condition are mostly echoes.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (_diagnostics.Count > 0)
        {
            return;
        }

        var parser = (Parser)recognizer;
        var expected = ExpectedTokens.Describe(parser.GetExpectedTokens());
        if (offendingSymbol.Type == TokenConstants.EOF)
        {
            // "罚款金额 个人罚款以上" ends early because 以上 was read as part of the name before it.
            var previous = ((ITokenStream)parser.InputStream).LT(-1);
            var spacing = previous?.Type == ThresholdLexer.WORD ? Keywords.SuggestSpacing(previous.Text) : string.Empty;
            var incomplete = GrammarDiagnostics.IncompleteCondition(source.GetSpan(new TextSpan(source.Text.TrimEnd().Length, 0)), expected, spacing);
            _diagnostics.Add(spacing.Length == 0 ? incomplete : incomplete with { Fix = DiagnosticFix.In(source, LocalOf(previous!), Keywords.Spaced(previous!.Text)!) });
            return;
        }

        var offending = LocalOf(offendingSymbol);
        var span = source.GetSpan(offending);
        var hint = offendingSymbol.Type == ThresholdLexer.WORD ? Keywords.SuggestSpacing(offendingSymbol.Text) : string.Empty;
        DiagnosticFix? fix = hint.Length > 0 ? DiagnosticFix.In(source, offending, Keywords.Spaced(offendingSymbol.Text)!) : null;
        if (hint.Length == 0 && parser.GetExpectedTokens().Contains(TokenConstants.EOF)
            && offendingSymbol.Type is ThresholdLexer.WORD or ThresholdLexer.IDENT or ThresholdLexer.LPAREN or ThresholdLexer.NOT)
        {
            // "罚款金额 >= 5万元 当事人类型 == 法人": a complete condition followed by another one; the fix proposes the first word.
            hint = "两个条件之间要用“且”（and）或“或”（or）连接。";
            fix = DiagnosticFix.In(source, new TextSpan(offendingSymbol.StartIndex, 0), "且 ");
        }
        else if (offendingSymbol.Text is "到" or "~" or "～" or "-" or "—" && parser.GetExpectedTokens().Contains(ThresholdLexer.TO))
        {
            // 介于 1万元 到 2万元: the language's word is 至 (or 和).
            hint = "区间的两端之间写“至”或“和”。";
            fix = DiagnosticFix.In(source, offending, "至");
        }

        _diagnostics.Add(GrammarDiagnostics.UnexpectedToken(span, offendingSymbol.Text, expected, hint) with { Fix = fix });
    }
}
