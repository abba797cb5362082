using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Classification;

/// <summary>Evaluates a condition tree directly, in three-valued logic.</summary>
/// <remarks>Not the hot path (that is the compiled RulesEngine delegates); used to find out why a
/// rule cannot be decided, to build explanations, and as the reference the compiled form must agree with.</remarks>
internal static class ConditionEvaluator
{
    public static Truth Evaluate(Condition condition, FactVector facts) => condition switch
    {
        AllCondition all => all.Operands.Aggregate(Truth.True, (acc, o) => acc == Truth.False ? Truth.False : Min(acc, Evaluate(o, facts))),
        AnyCondition any => any.Operands.Aggregate(Truth.False, (acc, o) => acc == Truth.True ? Truth.True : Max(acc, Evaluate(o, facts))),
        NotCondition not => Negate(Evaluate(not.Operand, facts)),
        AlwaysCondition => Truth.True,
        _ => EvaluateLeaf(condition, facts),
    };

    private static Truth EvaluateLeaf(Condition condition, FactVector facts)
    {
        if (ConditionFacts.FactsOf(condition).Any(f => !facts.Present[f.Slot]))
        {
            return Truth.Unknown;
        }

        var slot = ConditionFacts.FactOf(condition)!.Slot;

        var holds = condition switch
        {
            AmountComparison c => Compare(facts.Amount[slot], c.Operator, c.Threshold),
            AmountRange c => facts.Amount[slot] >= c.Low && facts.Amount[slot] <= c.High,
            CombinedComparison c => Compare(c.Left(facts), c.Operator, c.Right(facts)),
            ValueMembership c => c.Values.Any(v => v.Code == facts.Code[slot]) != c.Negated,
            RankComparison c => Compare(facts.Code[slot], c.Operator, c.Value.Code),
            SetOverlap c => c.Values.Any(v => (facts.Set[slot] & (1UL << v.Code)) != 0),
            SetSubset c => (facts.Set[slot] & ~c.Values.Aggregate(0UL, (bits, v) => bits | (1UL << v.Code))) == 0,
            FlagCondition => facts.Flag[slot],
            _ => throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}."),
        };
        return holds ? Truth.True : Truth.False;
    }

    public static bool Compare(decimal value, ComparisonOperator op, decimal threshold) => op switch
    {
        ComparisonOperator.GreaterOrEqual => value >= threshold,
        ComparisonOperator.Greater => value > threshold,
        ComparisonOperator.LessOrEqual => value <= threshold,
        ComparisonOperator.Less => value < threshold,
        ComparisonOperator.Equal => value == threshold,
        _ => value != threshold,
    };

    private static Truth Min(Truth a, Truth b) => a < b ? a : b;

    private static Truth Max(Truth a, Truth b) => a > b ? a : b;

    private static Truth Negate(Truth t) => t switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}
