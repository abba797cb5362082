using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;

namespace Fashen.Engine.Classification;

/// <summary>Explanations in Chinese: why a rule matched, and what a near miss lacked.</summary>
public sealed partial class Classifier
{
    /// <summary>Explains why a condition holds for a decision, with the decision's values and the thresholds:
    /// <c>罚款金额 60,000 元 ≥ 50,000 元（含本数） 且 当事人类型 = 法人</c>.</summary>
    /// <param name="condition">The condition; it must hold for the decision.</param>
    /// <param name="decision">The decision.</param>
    /// <returns>The explanation.</returns>
    public static string Explain(Condition condition, BoundDecision decision) => Describe(condition, decision, holds: true);

    /// <summary>Explains why a condition does not hold for a decision, with the decision's values:
    /// <c>罚款金额 60,000 元，不满足 ≤ 3,000 元（含本数）</c>.</summary>
    /// <param name="condition">The condition; it must not hold for the decision.</param>
    /// <param name="decision">The decision.</param>
    /// <returns>The explanation.</returns>
    public static string ExplainFailure(Condition condition, BoundDecision decision) => Describe(condition, decision, holds: false);

    // Describes the clauses that make the condition evaluate to `holds`.
    private static string Describe(Condition condition, BoundDecision decision, bool holds)
    {
        var facts = decision.Vector;
        var wanted = holds ? Truth.True : Truth.False;
        switch (condition)
        {
            case AllCondition all:
                // All true: every operand; all false: the operands that are false.
                var allParts = holds ? all.Operands : all.Operands.Where(o => ConditionEvaluator.Evaluate(o, facts) == Truth.False).ToList();
                return Join(allParts, " 且 ", decision, holds);
            case AnyCondition any:
                // Any true: the operands that are true; any false: every operand.
                var anyParts = holds ? any.Operands.Where(o => ConditionEvaluator.Evaluate(o, facts) == wanted).ToList() : any.Operands;
                return Join(anyParts, holds ? " 或 " : " 且 ", decision, holds);
            case NotCondition not:
                return Describe(not.Operand, decision, !holds);
            case AlwaysCondition:
                return holds ? "本目录规定该类决定一律审核（简易程序除外）" : "—";
            default:
                return DescribeLeaf(condition, decision, holds);
        }
    }

    // Brackets only where a compound part stands beside others, so a lone part reads plainly.
    private static string Join(IReadOnlyList<Condition> parts, string separator, BoundDecision decision, bool holds)
    {
        if (parts.Count == 1)
        {
            return Describe(parts[0], decision, holds);
        }

        return string.Join(separator, parts.Select(part =>
        {
            var text = Describe(part, decision, holds);
            return part is AllCondition or AnyCondition && (text.Contains(" 且 ", StringComparison.Ordinal) || text.Contains(" 或 ", StringComparison.Ordinal))
                ? $"（{text}）"
                : text;
        }));
    }

    private static string DescribeLeaf(Condition condition, BoundDecision decision, bool holds)
    {
        if (condition is CombinedComparison combined)
        {
            return DescribeCombined(combined, decision, holds);
        }

        var fact = ConditionFacts.FactOf(condition)!;
        var value = decision.Get(fact);
        if (value is null)
        {
            return $"{fact.Label} 未提供";
        }

        switch (condition)
        {
            case AmountComparison c:
                var amount = Formatting.Amount(fact, ((AmountValue)value).Value);
                var relation = $"{Formatting.Symbol(c.Operator)} {Threshold(c)}{Formatting.BoundaryNote(c.Operator)}";
                return holds ? $"{fact.Label} {amount} {relation}" : $"{fact.Label} {amount}，不满足 {relation}";
            case AmountRange c:
                var inRange = $"{Formatting.Amount(fact, c.Low)} 至 {Formatting.Amount(fact, c.High)} 之间（含两端）";
                var actual = Formatting.Amount(fact, ((AmountValue)value).Value);
                return holds ? $"{fact.Label} {actual} 在 {inRange}" : $"{fact.Label} {actual} 不在 {inRange}";
            case ValueMembership c:
                var option = ((OptionValue)value).Option.Name;
                var isIn = holds != c.Negated;
                if (c.Values.Count == 1 && c.Written == c.Values[0].Name)
                {
                    return isIn ? $"{fact.Label} = {option}" : $"{fact.Label} = {option}（不是 {c.Written}）";
                }

                return isIn ? $"{fact.Label} = {option}（属于 {c.Written}）" : $"{fact.Label} = {option}（不属于 {c.Written}）";
            case RankComparison c:
                var rank = ((OptionValue)value).Option.Name;
                var rankRelation = $"{Formatting.Symbol(c.Operator)} {c.Value.Name}";
                return holds ? $"{fact.Label} = {rank}，{rankRelation}" : $"{fact.Label} = {rank}，不满足 {rankRelation}";
            case SetOverlap c:
                var given = ((OptionSetValue)value).Options;
                if (holds)
                {
                    var common = string.Join("、", given.Where(c.Values.Contains).Select(o => o.Name));
                    return common == c.Written ? $"{fact.Label} 含 {common}" : $"{fact.Label} 含 {common}（列明：{c.Written}）";
                }

                var all = given.Count == 0 ? "无" : string.Join("、", given.Select(o => o.Name));
                return $"{fact.Label} 为 {all}，不含 {c.Written} 中任何一项";
            case SetSubset c:
                var held = ((OptionSetValue)value).Options;
                var heldText = held.Count == 0 ? "无" : string.Join("、", held.Select(o => o.Name));
                var outsideList = string.Join("、", held.Where(o => !c.Values.Contains(o)).Select(o => o.Name));
                return holds ? $"{fact.Label} 为 {heldText}，仅限 {c.Written}" : $"{fact.Label} 含 {outsideList}，不限于 {c.Written}";
            case FlagCondition:
                return value switch
                {
                    JudgementValue { Raised: true } j when holds => $"{fact.Label}（{j.RaisedBy} 认定：{j.Reason}）",
                    JudgementValue { Raised: true } j => $"{fact.Label} 已由 {j.RaisedBy} 认定",
                    JudgementValue => $"未认定“{fact.Label}”",
                    _ => $"{fact.Label} = {(((BooleanValue)value).Value ? "是" : "否")}",
                };
            default:
                throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}.");
        }
    }

    // 罚款金额 30,000 元 + 没收金额 80,000 元 = 110,000 元 ≥ 100,000 元（含本数）; 罚款金额 5,000 元 ≥ 没收金额的3倍 4,500 元（含本数）.
    private static string DescribeCombined(CombinedComparison c, BoundDecision decision, bool holds)
    {
        if (Missing(c, decision) is { Length: > 0 } missing)
        {
            return missing;
        }

        var facts = decision.Vector;
        var first = c.Facts[0];
        var left = c.Facts.Count == 1
            ? $"{first.Label} {Formatting.Amount(first, c.Left(facts))}"
            : string.Join(" + ", c.Facts.Select(f => $"{f.Label} {Formatting.Amount(f, facts.Amount[f.Slot])}")) + $" = {Formatting.Amount(first, c.Left(facts))}";
        var right = c.MultipleWords is { } multiple ? $"{multiple} {Formatting.Amount(first, c.Right(facts))}" : Threshold(c);
        var relation = $"{Formatting.Symbol(c.Operator)} {right}{Formatting.BoundaryNote(c.Operator)}";
        return holds ? $"{left} {relation}" : $"{left}，不满足 {relation}";
    }

    private static string Missing(Condition condition, BoundDecision decision) => string.Join(
        "、", ConditionFacts.FactsOf(condition).Where(f => !decision.Vector.Present[f.Slot]).Select(f => f.Label)) switch
    {
        { Length: > 0 } labels => labels + " 未提供",
        _ => string.Empty,
    };

    private static string Threshold(CombinedComparison c) => Threshold(c.Facts[0], c.Threshold, c.ThresholdName);

    private static string Threshold(AmountComparison c) => Threshold(c.Fact, c.Threshold, c.ThresholdName);

    // 50,000 元, or with the threshold's name: 食药特单位罚款档 50,000 元.
    private static string Threshold(FactDefinition fact, decimal value, string? name) =>
        name is null ? Formatting.Amount(fact, value) : $"{name} {Formatting.Amount(fact, value)}";

    private static IReadOnlyList<NearMiss> NearMisses(IEnumerable<CompiledRule> rules, BoundDecision decision, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        // Every rule that did not match is measured, but only the few shown are put into words.
        return rules
            .Select((rule, order) => (rule, order, gap: Measure(rule.Rule.Condition, decision, wanted: true)))
            .OrderBy(x => x.gap.Cost)
            .ThenBy(x => x.gap.Distance)
            .ThenBy(x => x.order)
            .Take(count)
            .Select(x => new NearMiss(
                x.rule.Rule.Id,
                x.rule.Rule.Title,
                x.gap.Clauses.Select(c => Failed(c, decision)).ToList(),
                x.gap.Clauses.Select(c => c.Condition is AlwaysCondition ? "—" : Requirement(c.Condition, c.Wanted)).ToList()))
            .ToList();
    }

    // A clause that would have to change for its rule to match: it should evaluate to Wanted, and is Truth.
    private readonly record struct Clause(Condition Condition, bool Wanted, Truth Truth);

    // How far a condition is from evaluating to `wanted`: the cheapest set of clauses to change.
    // A clause on a judgement flag costs more, because only a person can change it.
    private sealed record Gap(double Cost, double Distance, IReadOnlyList<Clause> Clauses)
    {
        public static readonly Gap None = new(0, 0, []);
    }

    private static Gap Measure(Condition condition, BoundDecision decision, bool wanted)
    {
        var truth = ConditionEvaluator.Evaluate(condition, decision.Vector);
        if (truth == (wanted ? Truth.True : Truth.False))
        {
            return Gap.None;
        }

        switch (condition)
        {
            case AllCondition all:
                return wanted ? Sum(all.Operands, decision, true) : Cheapest(all.Operands, decision, false);
            case AnyCondition any:
                return wanted ? Cheapest(any.Operands, decision, true) : Sum(any.Operands, decision, false);
            case NotCondition not:
                return Measure(not.Operand, decision, !wanted);
            case AlwaysCondition:
                return new Gap(1, 1, [new Clause(condition, wanted, truth)]);
            default:
                var cost = ConditionFacts.FactOf(condition)!.Type == FactType.Judgement ? 2 : 1;
                return new Gap(cost, Distance(condition, decision), [new Clause(condition, wanted, truth)]);
        }
    }

    // Every operand must change: costs and distances add up, in operand order.
    private static Gap Sum(IReadOnlyList<Condition> operands, BoundDecision decision, bool wanted)
    {
        double cost = 0, distance = 0;
        var clauses = new List<Clause>();
        foreach (var operand in operands)
        {
            var gap = Measure(operand, decision, wanted);
            cost += gap.Cost;
            distance += gap.Distance;
            clauses.AddRange(gap.Clauses);
        }

        return new Gap(cost, distance, clauses);
    }

    // One operand suffices: the cheapest, then the nearest, the first of equals.
    private static Gap Cheapest(IReadOnlyList<Condition> operands, BoundDecision decision, bool wanted)
    {
        Gap? best = null;
        foreach (var operand in operands)
        {
            var gap = Measure(operand, decision, wanted);
            if (gap.Cost > 0 && (best is null || gap.Cost < best.Cost || (gap.Cost == best.Cost && gap.Distance < best.Distance)))
            {
                best = gap;
            }
        }

        return best ?? Gap.None;
    }

    // Why a clause does not evaluate as its rule would need.
    private static string Failed(Clause clause, BoundDecision decision) => clause switch
    {
        { Condition: AlwaysCondition } => "本目录规定该类决定一律审核",
        { Truth: Truth.Unknown } => Missing(clause.Condition, decision),
        _ => DescribeLeaf(clause.Condition, decision, !clause.Wanted),
    };

    // How far an amount is from its threshold, relative to the threshold; 1 for anything else.
    private static double Distance(Condition condition, BoundDecision decision)
    {
        if (condition is AmountComparison c && decision.Get(c.Fact) is AmountValue value)
        {
            var scale = Math.Max(Math.Abs(c.Threshold), 1m);
            return (double)Math.Min(Math.Abs(c.Threshold - value.Value) / scale, 1m);
        }

        return 1;
    }

    // What the decision would need for a clause to evaluate to `wanted`.
    private static string Requirement(Condition condition, bool wanted)
    {
        var fact = ConditionFacts.FactOf(condition)!;
        return condition switch
        {
            AmountComparison c => $"{fact.Label} {Formatting.Symbol(wanted ? c.Operator : c.Operator.Negate())} {Threshold(c)}{Formatting.BoundaryNote(wanted ? c.Operator : c.Operator.Negate())}",
            CombinedComparison c => $"{c.LeftWords} {Formatting.Symbol(wanted ? c.Operator : c.Operator.Negate())} {c.MultipleWords ?? Threshold(c)}{Formatting.BoundaryNote(wanted ? c.Operator : c.Operator.Negate())}",
            AmountRange c => $"{fact.Label} {(wanted ? "在" : "不在")} {Formatting.Amount(fact, c.Low)} 至 {Formatting.Amount(fact, c.High)} 之间（含两端）",
            ValueMembership c => $"{fact.Label} {(wanted != c.Negated ? "为" : "不为")} {string.Join("、", c.Values.Select(v => v.Name))}{(c.Values.Count > 1 ? " 之一" : string.Empty)}",
            RankComparison c => $"{fact.Label} {Formatting.Symbol(wanted ? c.Operator : c.Operator.Negate())} {c.Value.Name}",
            SetOverlap c => wanted ? $"{fact.Label} 包含 {c.Written}{(c.Values.Count > 1 ? " 中任一项" : string.Empty)}" : $"{fact.Label} 不包含 {c.Written} 中任何一项",
            SetSubset c => wanted ? $"{fact.Label} 仅限 {c.Written}" : $"{fact.Label} 含 {c.Written} 以外的一项",
            FlagCondition when fact.Type == FactType.Judgement => wanted ? $"经认定“{fact.Label}”（须写明认定人和理由）" : $"不认定“{fact.Label}”",
            _ => $"{fact.Label} = {(wanted ? "是" : "否")}",
        };
    }
}
