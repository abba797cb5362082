using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>The negation of a condition (not, 非).</summary>
/// <param name="Operand">The negated condition.</param>
/// <param name="Span">Where the whole expression is.</param>
public sealed record NotSyntax(ConditionSyntax Operand, TextSpan Span) : ConditionSyntax(Span);
