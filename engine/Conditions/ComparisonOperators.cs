using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Conditions;

/// <summary>Operations on comparison operators.</summary>
public static class ComparisonOperators
{
    /// <summary>Gets the comparison that holds exactly when this one does not (≥ becomes &lt;).</summary>
    /// <param name="op">The comparison.</param>
    /// <returns>Its negation.</returns>
    public static ComparisonOperator Negate(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.Less,
        ComparisonOperator.Greater => ComparisonOperator.LessOrEqual,
        ComparisonOperator.LessOrEqual => ComparisonOperator.Greater,
        ComparisonOperator.Less => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Equal => ComparisonOperator.NotEqual,
        _ => ComparisonOperator.Equal,
    };
}
