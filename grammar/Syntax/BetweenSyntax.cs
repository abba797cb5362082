using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A fact within an inclusive range: <c>罚款金额 between 20万元 and 50万元</c>,
/// <c>罚款金额 介于 20万元 至 50万元 之间</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Low">The lower bound, included.</param>
/// <param name="High">The upper bound, included.</param>
/// <param name="Span">Where the whole range is.</param>
public sealed record BetweenSyntax(NameSyntax Subject, ValueSyntax Low, ValueSyntax High, TextSpan Span)
    : ConditionSyntax(Span);
