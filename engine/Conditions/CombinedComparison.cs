using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Conditions;

/// <summary>A sum of money or number facts compared with a threshold, or a fact compared with a multiple of another:
/// <c>罚款金额 + 没收金额 10万元以上</c> (罚没合计), <c>罚款金额 没收金额的3倍以上</c>.</summary>
/// <param name="Facts">The facts summed on the left; one for a multiple.</param>
/// <param name="Operator">The comparison, with the boundary already settled.</param>
/// <param name="Threshold">The threshold (元 for money), or the factor when <paramref name="Of"/> is given.</param>
/// <param name="ThresholdName">The named threshold used, or null.</param>
/// <param name="Of">The fact the right side is a multiple of, or null for a threshold.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record CombinedComparison(
    IReadOnlyList<FactDefinition> Facts,
    ComparisonOperator Operator,
    decimal Threshold,
    string? ThresholdName,
    FactDefinition? Of,
    SourceSpan Span) : Condition(Span)
{
    /// <summary>Gets every fact the comparison reads: the summed facts, then the one multiplied.</summary>
    public IReadOnlyList<FactDefinition> AllFacts => Of is null ? Facts : [.. Facts, Of];

    /// <summary>Gets the left side's value.</summary>
    /// <param name="facts">The decision's facts; every one read must be present.</param>
    /// <returns>The sum.</returns>
    public decimal Left(FactVector facts) => Facts.Sum(f => facts.Amount[f.Slot]);

    /// <summary>Gets the right side's value.</summary>
    /// <param name="facts">The decision's facts; every one read must be present.</param>
    /// <returns>The threshold, or the multiple of the other fact.</returns>
    public decimal Right(FactVector facts) => Of is null ? Threshold : Threshold * facts.Amount[Of.Slot];

    /// <summary>Gets the left side in words: 罚款金额, or 罚款金额与没收金额合计.</summary>
    public string LeftWords => Facts.Count == 1 ? Facts[0].Label : string.Join("与", Facts.Select(f => f.Label)) + "合计";

    /// <summary>Gets the right side in words for a multiple (没收金额的3倍); null for a threshold.</summary>
    public string? MultipleWords => Of is null ? null
        : $"{Of.Label}的{Threshold.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}倍";
}
