using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>Operands joined by 且 (and) or 或 (or).</summary>
/// <param name="Operator">Whether the operands are joined by and or by or.</param>
/// <param name="Operands">Two or more operands, in the order written.</param>
/// <param name="Span">Where the whole expression is.</param>
public sealed record LogicalSyntax(LogicalOperator Operator, IReadOnlyList<ConditionSyntax> Operands, TextSpan Span)
    : ConditionSyntax(Span);

/// <summary>How the operands of a <see cref="LogicalSyntax"/> combine.</summary>
public enum LogicalOperator
{
    /// <summary>All operands hold (and, 且).</summary>
    And,

    /// <summary>At least one operand holds (or, 或).</summary>
    Or,
}
