using Fashen.Engine.Facts;

namespace Fashen.Engine.Conditions;

/// <summary>Walks a condition tree.</summary>
public static class ConditionFacts
{
    /// <summary>Lists the comparisons of an amount with a number or named threshold, in the order written.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The comparisons.</returns>
    public static IEnumerable<AmountComparison> AmountComparisons(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(AmountComparisons),
        AnyCondition any => any.Operands.SelectMany(AmountComparisons),
        NotCondition not => AmountComparisons(not.Operand),
        AmountComparison c => [c],
        _ => [],
    };

    /// <summary>Lists where a condition uses named thresholds, with the comparison each is used in.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The threshold names and operators, in the order written.</returns>
    public static IEnumerable<(string Name, Grammar.Syntax.ComparisonOperator Operator)> ThresholdUses(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(ThresholdUses),
        AnyCondition any => any.Operands.SelectMany(ThresholdUses),
        NotCondition not => ThresholdUses(not.Operand),
        AmountComparison { ThresholdName: { } name } c => [(name, c.Operator)],
        CombinedComparison { ThresholdName: { } name } c => [(name, c.Operator)],
        _ => [],
    };

    /// <summary>Lists the facts a condition tests, each once, in the order first tested.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The facts.</returns>
    public static IReadOnlyList<FactDefinition> Referenced(Condition condition)
    {
        var facts = new List<FactDefinition>();
        Collect(condition, facts);
        return facts;
    }

    /// <summary>Gets the fact tested by a leaf condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The fact, or null for a logical node or <see cref="AlwaysCondition"/>.</returns>
    public static FactDefinition? FactOf(Condition condition) => condition switch
    {
        AmountComparison c => c.Fact,
        AmountRange c => c.Fact,
        CombinedComparison c => c.Facts[0],
        ValueMembership c => c.Fact,
        RankComparison c => c.Fact,
        SetOverlap c => c.Fact,
        SetSubset c => c.Fact,
        FlagCondition c => c.Fact,
        _ => null,
    };

    /// <summary>Gets every fact a leaf condition reads: one, or several for a sum or a multiple.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The facts; empty for a logical node or <see cref="AlwaysCondition"/>.</returns>
    public static IReadOnlyList<FactDefinition> FactsOf(Condition condition) => condition switch
    {
        CombinedComparison c => c.AllFacts,
        _ => FactOf(condition) is { } fact ? [fact] : [],
    };

    private static void Collect(Condition condition, List<FactDefinition> facts)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Operands.ToList().ForEach(o => Collect(o, facts));
                break;
            case AnyCondition any:
                any.Operands.ToList().ForEach(o => Collect(o, facts));
                break;
            case NotCondition not:
                Collect(not.Operand, facts);
                break;
            default:
                facts.AddRange(FactsOf(condition).Where(f => !facts.Contains(f)));

                break;
        }
    }
}
