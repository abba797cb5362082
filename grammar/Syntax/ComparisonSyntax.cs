using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A fact compared with a value: <c>罚款金额 &gt;= 5万元</c>, <c>罚款金额 1万元以上</c>,
/// <c>没收金额 超过 1000元</c>.</summary>
/// <param name="Subject">The fact.</param>
/// <param name="Operator">The comparison, with the boundary already settled.</param>
/// <param name="Value">The value compared with.</param>
/// <param name="Wording">How the comparison was written.</param>
/// <param name="Boundary">The explicit boundary note such as （不含本数）, if any.</param>
/// <param name="OperatorSpan">Where the operator or drafting word is.</param>
/// <param name="Span">Where the whole comparison is.</param>
/// <param name="Added">Facts added to the subject, for a sum such as <c>罚款金额 + 没收金额 10万元以上</c>; empty for one fact.</param>
public sealed record ComparisonSyntax(
    NameSyntax Subject,
    ComparisonOperator Operator,
    ValueSyntax Value,
    OperatorWording Wording,
    BoundarySyntax? Boundary,
    TextSpan OperatorSpan,
    TextSpan Span,
    IReadOnlyList<NameSyntax>? Added = null) : ConditionSyntax(Span)
{
    /// <summary>Gets the facts summed on the left: the subject and any added to it.</summary>
    public IReadOnlyList<NameSyntax> Subjects => Added is { Count: > 0 } added ? [Subject, .. added] : [Subject];
}

/// <summary>A comparison between a fact and a value.</summary>
public enum ComparisonOperator
{
    /// <summary>Greater than or equal (≥, 以上).</summary>
    GreaterOrEqual,

    /// <summary>Greater than (&gt;, 超过).</summary>
    Greater,

    /// <summary>Less than or equal (≤, 以下, 以内).</summary>
    LessOrEqual,

    /// <summary>Less than (&lt;, 不满).</summary>
    Less,

    /// <summary>Equal (==).</summary>
    Equal,

    /// <summary>Not equal (!=).</summary>
    NotEqual,
}

/// <summary>How a comparison was written, kept so that messages can quote the author's words.</summary>
public enum OperatorWording
{
    /// <summary>A symbol: <c>&gt;= &gt; &lt;= &lt; == !=</c> or ≥ ≤ ≠.</summary>
    Symbol,

    /// <summary>以上 after the value (includes the number).</summary>
    Above,

    /// <summary>以下 after the value (includes the number).</summary>
    Below,

    /// <summary>以内 after the value (includes the number).</summary>
    Within,

    /// <summary>超过 before the value (excludes the number).</summary>
    Over,

    /// <summary>不满 before the value (excludes the number).</summary>
    Under,
}

/// <summary>Writes comparison operators.</summary>
public static class ComparisonOperatorSymbols
{
    /// <summary>Gets the operator's ASCII symbol, as C# and the canonical condition form write it.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>&gt;=, &gt;, &lt;=, &lt;, == or !=.</returns>
    public static string ToSymbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Equal => "==",
        _ => "!=",
    };
}
