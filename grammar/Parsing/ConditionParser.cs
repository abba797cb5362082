using Antlr4.Runtime;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Generated;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Parsing;

/// <summary>Parses the threshold language into a <see cref="Syntax.ConditionSyntax"/>, reporting every
/// problem as a diagnostic; it never throws for malformed input.</summary>
public static class ConditionParser
{
    /// <summary>The longest condition accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>The deepest nesting of brackets and negations accepted.</summary>
    /// <remarks>Bounded so that a hostile catalogue cannot exhaust the parser's stack.</remarks>
    public const int MaxNestingDepth = 32;

    /// <summary>Parses one condition.</summary>
    /// <param name="source">The condition's text and where it came from.</param>
    /// <returns>The syntax tree, or the diagnostics that explain why there is none.</returns>
    public static ParseResult Parse(SourceFragment source) => WithWorkingFixes(ParseOnce(source), source);

    // A fix is proposed only if the condition it gives parses: a rewrite that leads to another error is worse than none.
    private static ParseResult WithWorkingFixes(ParseResult result, SourceFragment source)
    {
        if (!result.Diagnostics.Any(d => d.Fix?.Local is not null))
        {
            return result;
        }

        var checkedDiagnostics = result.Diagnostics.Select(d =>
        {
            if (d.Fix?.Local is not { } span)
            {
                return d;
            }

            var fixedText = source.Text[..span.Start] + d.Fix.Replacement + source.Text[span.End..];
            var reparsed = ParseOnce(SourceFragment.Standalone("fix", fixedText));
            return reparsed.Succeeded && !reparsed.Diagnostics.Any(r => r.Code == d.Code && r.Span.Column == d.Span.Column) ? d : d with { Fix = null };
        }).ToList();
        return result with { Diagnostics = checkedDiagnostics };
    }

    private static ParseResult ParseOnce(SourceFragment source)
    {
        var text = source.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed(GrammarDiagnostics.EmptyCondition(source.GetSpan(new TextSpan(0, text.Length))));
        }

        if (text.Length > MaxLength)
        {
            return Failed(GrammarDiagnostics.ConditionTooLong(source.GetSpan(new TextSpan(0, 1)), text.Length, MaxLength));
        }

        var errors = new ErrorCollector(source);
        var lexer = new ThresholdLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(errors);
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        if (errors.Diagnostics.Count > 0)
        {
            // Parsing after a lexical error only repeats it in other words.
            return new ParseResult(null, errors.Diagnostics);
        }

        var comparatives = tokens.GetTokens().Where(t => t.Type == ThresholdLexer.COMPARATIVE).ToList();
        if (comparatives.Count > 0)
        {
            // 不低于 5万元: not read at all rather than guessed; the symbol proposed means exactly what the word does.
            return new ParseResult(null, comparatives.Select(t =>
            {
                var local = new TextSpan(t.StartIndex, t.StopIndex - t.StartIndex + 1);
                var at = source.GetSpan(local);
                var symbol = Keywords.UnsupportedComparatives[t.Text];
                var before = t.StartIndex > 0 && !char.IsWhiteSpace(text[t.StartIndex - 1]) ? " " : string.Empty;
                var after = t.StopIndex + 1 < text.Length && !char.IsWhiteSpace(text[t.StopIndex + 1]) ? " " : string.Empty;
                return GrammarDiagnostics.UnsupportedComparative(at, t.Text, symbol) with { Fix = DiagnosticFix.In(source, local, before + symbol + after) };
            }).ToList());
        }

        if (FindExcessiveNesting(tokens.GetTokens()) is { } tooDeep)
        {
            return Failed(GrammarDiagnostics.NestingTooDeep(
                source.GetSpan(new TextSpan(tooDeep.StartIndex, tooDeep.StopIndex - tooDeep.StartIndex + 1)), MaxNestingDepth));
        }

        var parser = new ThresholdParser(tokens, TextWriter.Null, TextWriter.Null);
        parser.RemoveErrorListeners();
        parser.AddErrorListener(errors);
        var tree = parser.condition();
        if (errors.Diagnostics.Count > 0)
        {
            return new ParseResult(null, errors.Diagnostics);
        }

        var builder = new SyntaxBuilder(source);
        var syntax = builder.Build(tree);
        return builder.Diagnostics.Count > 0 ? new ParseResult(null, builder.Diagnostics) : new ParseResult(syntax, builder.Warnings);
    }

    private static ParseResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static IToken? FindExcessiveNesting(IList<IToken> tokens)
    {
        var brackets = 0;
        var negations = 0;
        foreach (var token in tokens)
        {
            switch (token.Type)
            {
                case ThresholdLexer.LPAREN:
                    brackets++;
                    break;
                case ThresholdLexer.RPAREN:
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case ThresholdLexer.NOT:
                    negations++;
                    break;
                default:
                    negations = 0;
                    break;
            }

            if (brackets + negations > MaxNestingDepth)
            {
                return token;
            }
        }

        return null;
    }
}
