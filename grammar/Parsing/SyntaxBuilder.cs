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

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public ConditionSyntax Build(ThresholdParser.ConditionContext context) => Or(context.orExpr());

    private static TextSpan SpanOf(ParserRuleContext context) =>
        TextSpan.FromBounds(context.Start.StartIndex, context.Stop.StopIndex + 1);

    private static TextSpan SpanOf(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private ConditionSyntax Or(ThresholdParser.OrExprContext context)
    {
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
        ThresholdParser.PostfixExprContext postfix => Postfix(postfix),
        ThresholdParser.PrefixExprContext prefix => Prefix(prefix),
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
        return new ComparisonSyntax(
            Name(context.name()), op, Value(context.value()), OperatorWording.Symbol, null, SpanOf(context.compareOp()), SpanOf(context));
    }

    // 罚款金额 1万元以上（不含本数）, or 1万元（不含）以上: 以上/以下/以内 include the number unless the note says otherwise.
    private ComparisonSyntax Postfix(ThresholdParser.PostfixExprContext context)
    {
        var word = context.postfixWord().Start;
        var boundary = Boundary(context.boundary());
        var inclusive = boundary?.Inclusive ?? true;
        var (op, wording) = word.Type switch
        {
            ThresholdLexer.ABOVE => (inclusive ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater, OperatorWording.Above),
            ThresholdLexer.BELOW => (inclusive ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less, OperatorWording.Below),
            _ => (inclusive ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less, OperatorWording.Within),
        };
        return new ComparisonSyntax(Name(context.name()), op, Value(context.value()), wording, boundary, SpanOf(word), SpanOf(context));
    }

    // 罚款金额 超过 10万元: 超过/不满 exclude the number, and a note cannot make them include it.
    private ComparisonSyntax Prefix(ThresholdParser.PrefixExprContext context)
    {
        var word = context.prefixWord().Start;
        var boundary = Boundary(context.boundary());
        var over = word.Type == ThresholdLexer.OVER;
        if (boundary is { Inclusive: true })
        {
            _diagnostics.Add(GrammarDiagnostics.BoundaryContradictsWord(
                source.GetSpan(boundary.Span), word.Text, "含本数", over ? "以上" : "以下"));
        }

        return new ComparisonSyntax(
            Name(context.name()),
            over ? ComparisonOperator.Greater : ComparisonOperator.Less,
            Value(context.value()),
            over ? OperatorWording.Over : OperatorWording.Under,
            boundary,
            SpanOf(word),
            SpanOf(context));
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
