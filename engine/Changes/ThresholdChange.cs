using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Changes;

/// <summary>What a new value of a named threshold does to the rules that use it.</summary>
public enum ThresholdEffect
{
    /// <summary>No rule's reach changes (the value is the same, or no rule uses it).</summary>
    None,

    /// <summary>More decisions are major: a "from this amount up" threshold lowered, or an "up to" one raised.</summary>
    Stricter,

    /// <summary>Fewer decisions are major: a "from this amount up" threshold raised, or an "up to" one lowered.</summary>
    Looser,

    /// <summary>The rules compare to the amount exactly, so a change is neither stricter nor looser.</summary>
    Different,
}

/// <summary>Judges a change of a named threshold by how the rules use it.</summary>
public static class ThresholdChange
{
    /// <summary>Judges a new value for a threshold.</summary>
    /// <param name="rules">The rules that may use the threshold.</param>
    /// <param name="name">The threshold's name.</param>
    /// <param name="before">The old value.</param>
    /// <param name="after">The new value.</param>
    /// <returns>The effect, and the first rule (and its comparison) that shows it; null rule when none uses the threshold.</returns>
    public static (ThresholdEffect Effect, string? RuleId, ComparisonOperator? Operator) Judge(
        IEnumerable<Rule> rules, string name, decimal before, decimal after)
    {
        var uses = rules
            .SelectMany(r => ConditionFacts.ThresholdUses(r.Condition).Where(u => u.Name == name).Select(u => (Rule: r.Id, u.Operator)))
            .ToList();
        if (after == before || uses.Count == 0)
        {
            return (ThresholdEffect.None, uses.FirstOrDefault().Rule, null);
        }

        // A lower bound ("5万元以上" is major) loosens when raised; an upper bound loosens when lowered.
        foreach (var (rule, op) in uses)
        {
            var lowerBound = op is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater;
            var upperBound = op is ComparisonOperator.LessOrEqual or ComparisonOperator.Less;
            if ((lowerBound && after > before) || (upperBound && after < before))
            {
                return (ThresholdEffect.Looser, rule, op);
            }
        }

        var first = uses[0];
        return first.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual
            ? (ThresholdEffect.Different, first.Rule, first.Operator)
            : (ThresholdEffect.Stricter, first.Rule, first.Operator);
    }
}
