using Antlr4.Runtime;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Generated;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Parsing;

/// <summary>Turns ANTLR's parse tree (only ever built without syntax errors) into our syntax tree,
/// reporting the few problems that only show once a construct is complete.</summary>
internal sealed class SyntaxBuilder(SourceFragment source)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<Diagnostic> _warnings = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Gets what parses but may be read two ways; reported beside the syntax tree, which is still built.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    public ConditionSyntax Build(ThresholdParser.ConditionContext context) => Or(context.orExpr());

    private static TextSpan SpanOf(ParserRuleContext context) =>
        TextSpan.FromBounds(context.Start.StartIndex, context.Stop.StopIndex + 1);

    private static TextSpan SpanOf(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private ConditionSyntax Or(ThresholdParser.OrExprContext context)
    {
        // a 或 b 且 c: the language reads a 或 (b 且 c), as 且 binds tighter, but a reader of a published list may read (a 或 b) 且 c.
        // Each 且 group beside an 或 without brackets is pointed out, with the brackets that say how it is read.
        if (context.andExpr().Length > 1)
        {
            foreach (var group in context.andExpr().Where(a => a.notExpr().Length > 1))
            {
                var span = SpanOf(group);
                _warnings.Add(GrammarDiagnostics.AndOrWithoutBrackets(source.GetSpan(span), source.Text.Substring(span.Start, span.Length))
                    with { Fix = DiagnosticFix.In(source, span, $"({source.Text.Substring(span.Start, span.Length)})") });
            }
        }

        var operands = context.andExpr().Select(And).ToList();
        return operands.Count == 1 ? operands[0] : new LogicalSyntax(LogicalOperator.Or, operands, SpanOf(context));
    }

    private ConditionSyntax And(ThresholdParser.AndExprContext context)
    {
        var operands = context.notExpr().Select(Not).ToList();
        return operands.Count == 1 ? operands[0] : new LogicalSyntax(LogicalOperator.And, operands, SpanOf(context));
    }

    private ConditionSyntax Not(ThresholdParser.NotExprContext context) => context.NOT() is not null
        ? new NotSyntax(Not(context.notExpr()), SpanOf(context))
        : Primary(context.primary());

    private ConditionSyntax Primary(ThresholdParser.PrimaryContext context) => context switch
    {
        ThresholdParser.GroupExprContext group => Or(group.orExpr()),
        ThresholdParser.AlwaysExprContext always => new AlwaysSyntax(SpanOf(always)),
        ThresholdParser.CompareExprContext compare => Compare(compare),
        ThresholdParser.PostfixExprContext postfix => Ranged(Postfix(postfix), postfix.quantity().Start.StartIndex, postfix.upperBound(), SpanOf(postfix)),
        ThresholdParser.PrefixExprContext prefix => Ranged(Prefix(prefix), prefix.prefixWord().Start.StartIndex, prefix.upperBound(), SpanOf(prefix)),
        ThresholdParser.BetweenExprContext between => new BetweenSyntax(
            Name(between.name()), Value(between.value(0)), Value(between.value(1)), SpanOf(between)),
        ThresholdParser.InExprContext membership => new MembershipSyntax(
            Name(membership.name()),
            membership.NOT() is not null || membership.NOT_IN() is not null,
            List(membership.list()),
            SpanOf(membership.list()),
            SpanOf(membership)),
        ThresholdParser.AnyOfExprContext anyOf => new OverlapSyntax(
            Name(anyOf.name()), List(anyOf.list()), SpanOf(anyOf.list()), SpanOf(anyOf)),
        ThresholdParser.OnlyExprContext only => new SubsetSyntax(
            Name(only.name()), List(only.list()), SpanOf(only.list()), SpanOf(only)),
        ThresholdParser.ContainsExprContext contains => new OverlapSyntax(
            Name(contains.name()), [Value(contains.value())], SpanOf(contains.value()), SpanOf(contains)),
        ThresholdParser.FlagExprContext flag => new FlagSyntax(Name(flag.name()), SpanOf(flag)),
        _ => throw new InvalidOperationException($"Unhandled alternative {context.GetType().Name}; the grammar and the builder disagree."),
    };

    private ComparisonSyntax Compare(ThresholdParser.CompareExprContext context)
    {
        var op = context.compareOp().Start.Type switch
        {
            ThresholdLexer.GE => ComparisonOperator.GreaterOrEqual,
            ThresholdLexer.GT => ComparisonOperator.Greater,
            ThresholdLexer.LE => ComparisonOperator.LessOrEqual,
            ThresholdLexer.LT => ComparisonOperator.Less,
            ThresholdLexer.EQ => ComparisonOperator.Equal,
            _ => ComparisonOperator.NotEqual,
        };
        var (subject, added) = Operand(context.operand());
        return new ComparisonSyntax(
            subject, op, Quantity(context.quantity()), OperatorWording.Symbol, null, SpanOf(context.compareOp()), SpanOf(context), added);
    }

    // 罚款金额 1万元以上（不含本数）, or 1万元（不含）以上: 以上/以下/以内 include the number unless the note says otherwise.
    private ComparisonSyntax Postfix(ThresholdParser.PostfixExprContext context)
    {
        var (subject, added) = Operand(context.operand());
        var end = context.upperBound() is { } upper ? upper.Start.StartIndex : context.Stop.StopIndex + 1;
        return PostfixComparison(subject, added, Quantity(context.quantity()), context.postfixWord().Start, Boundary(context.boundary()),
            TextSpan.FromBounds(context.Start.StartIndex, end));
    }

    private static ComparisonSyntax PostfixComparison(
        NameSyntax subject, IReadOnlyList<NameSyntax> added, ValueSyntax value, IToken word, BoundarySyntax? boundary, TextSpan span)
    {
        var inclusive = boundary?.Inclusive ?? true;
        var (op, wording) = word.Type switch
        {
            ThresholdLexer.ABOVE => (inclusive ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater, OperatorWording.Above),
            ThresholdLexer.BELOW => (inclusive ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less, OperatorWording.Below),
            _ => (inclusive ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less, OperatorWording.Within),
        };
        return new ComparisonSyntax(subject, op, value, wording, boundary, SpanOf(word), span, added);
    }

    // 罚款金额 超过 10万元: 超过/不满 exclude the number, and a note cannot make them include it.
    private ComparisonSyntax Prefix(ThresholdParser.PrefixExprContext context)
    {
        var (subject, added) = Operand(context.operand());
        var end = context.upperBound() is { } upper ? upper.Start.StartIndex : context.Stop.StopIndex + 1;
        return PrefixComparison(subject, added, Quantity(context.quantity()), context.prefixWord().Start, Boundary(context.boundary()),
            TextSpan.FromBounds(context.Start.StartIndex, end));
    }

    private ComparisonSyntax PrefixComparison(
        NameSyntax subject, IReadOnlyList<NameSyntax> added, ValueSyntax value, IToken word, BoundarySyntax? boundary, TextSpan span)
    {
        var over = word.Type == ThresholdLexer.OVER;
        if (boundary is { Inclusive: true })
        {
            // 超过 1万元（含本数） means 1万元以上: the fix writes that, the amount as written.
            var written = source.Text.Substring(value.Span.Start, value.Span.Length);
            var rewrite = written + (value is AmountSyntax ? string.Empty : " ") + (over ? "以上" : "以下");
            _diagnostics.Add(GrammarDiagnostics.BoundaryContradictsWord(source.GetSpan(boundary.Span), word.Text, "含本数", over ? "以上" : "以下")
                with { Fix = DiagnosticFix.In(source, TextSpan.FromBounds(word.StartIndex, boundary.Span.End), rewrite) });
        }

        return new ComparisonSyntax(
            subject,
            over ? ComparisonOperator.Greater : ComparisonOperator.Less,
            value,
            over ? OperatorWording.Over : OperatorWording.Under,
            boundary,
            SpanOf(word),
            span,
            added);
    }

    // 罚款金额 20万元以上50万元以下: the lower end as read, and the upper end read by its own drafting word and note.
    private ConditionSyntax Ranged(ComparisonSyntax lower, int lowerStart, ThresholdParser.UpperBoundContext? upper, TextSpan span)
    {
        if (upper is null)
        {
            return lower;
        }

        var upperSyntax = upper.prefixWord() is { } prefix
            ? PrefixComparison(lower.Subject, [], Value(upper.value()), prefix.Start, Boundary(upper.boundary()), SpanOf(upper))
            : PostfixComparison(lower.Subject, [], Value(upper.value()), upper.postfixWord().Start, Boundary(upper.boundary()), SpanOf(upper));
        if (lower.Operator is not (ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater)
            || upperSyntax.Operator is not (ComparisonOperator.LessOrEqual or ComparisonOperator.Less)
            || lower.Added is { Count: > 0 } || lower.Value is MultipleSyntax)
        {
            var diagnostic = GrammarDiagnostics.RangeNotFromLowerEnd(source.GetSpan(span), source.Text.Substring(span.Start, span.Length));
            if (upperSyntax.Operator is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater
                && lower.Operator is ComparisonOperator.LessOrEqual or ComparisonOperator.Less && lower.Added is not { Count: > 0 } && lower.Value is not MultipleSyntax)
            {
                // 50万元以下20万元以上: the two ends swapped.
                var first = source.Text[lowerStart..upper.Start.StartIndex].TrimEnd('、', '，', ',', ' ', '\u3000');
                var second = source.Text[upper.Start.StartIndex..span.End];
                diagnostic = diagnostic with { Fix = DiagnosticFix.In(source, TextSpan.FromBounds(lowerStart, span.End), $"{second}、{first}") };
            }

            _diagnostics.Add(diagnostic);
        }

        return new RangeSyntax(lower.Subject, lower, upperSyntax, span);
    }

    private static (NameSyntax Subject, IReadOnlyList<NameSyntax> Added) Operand(ThresholdParser.OperandContext context)
    {
        var names = context.name().Select(Name).ToList();
        return (names[0], names.Skip(1).ToList());
    }

    // 没收金额的3倍, 没收金额 * 3 or 3 * 没收金额; anything else is a plain value.
    private ValueSyntax Quantity(ThresholdParser.QuantityContext context)
    {
        if (context.name() is not { } other)
        {
            return Value(context.value());
        }

        var factor = Value(context.value());
        if (factor is not AmountSyntax amount)
        {
            _diagnostics.Add(GrammarDiagnostics.MultipleNotNumber(source.GetSpan(factor.Span), context.value().GetText()));
            amount = new AmountSyntax(1, AmountUnit.None, context.value().GetText(), factor.Span);
        }
        else if (amount.Unit != AmountUnit.None)
        {
            var number = amount.Text.TrimEnd('元', '万', '千', '亿', ' ', '\t', '\u3000');
            _diagnostics.Add(GrammarDiagnostics.MultipleNotNumber(source.GetSpan(factor.Span), amount.Text)
                with { Fix = DiagnosticFix.In(source, factor.Span, number) });
        }

        return new MultipleSyntax(Name(other), amount, SpanOf(context));
    }

    private BoundarySyntax? Boundary(ThresholdParser.BoundaryContext? context) => context is null
        ? null
        : new BoundarySyntax(context.INCL() is not null, context.value() is { } value ? Value(value) : null, SpanOf(context));

    private List<ValueSyntax> List(ThresholdParser.ListContext context) => context.value().Select(Value).ToList();

    private static NameSyntax Name(ThresholdParser.NameContext context) => new(context.GetText(), SpanOf(context));

    private ValueSyntax Value(ThresholdParser.ValueContext context)
    {
        var span = SpanOf(context);
        if (context.AMOUNT() is { } amount)
        {
            if (!AmountLiteral.TryParse(amount.GetText(), out var value, out var unit))
            {
                _diagnostics.Add(GrammarDiagnostics.AmountOutOfRange(source.GetSpan(span), amount.GetText()));
            }

            return new AmountSyntax(value, unit, amount.GetText(), span);
        }

        if (context.STRING() is { } text)
        {
            return new StringSyntax(text.GetText()[1..^1], span);
        }

        if (context.TRUE() is not null || context.FALSE() is not null)
        {
            return new BooleanSyntax(context.TRUE() is not null, span);
        }

        return new NameValueSyntax(Name(context.name()));
    }
}
