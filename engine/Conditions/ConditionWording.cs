using Fashen.Engine.Classification;
using Fashen.Engine.Facts;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Conditions;

/// <summary>Writes a catalogue condition as a sentence people read, not as the code that the legal
/// office wrote: <c>当事人类型 in [单位] 且 罚款金额 5万元以上</c> becomes
/// <c>当事人类型为单位（法人、非法人组织），且罚款金额在5万元以上（含本数）</c>. Used by the catalogue
/// browser and for publishing catalogues.</summary>
public static class ConditionWording
{
    /// <summary>Describes a condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The sentence, without a final full stop.</returns>
    public static string Describe(Condition condition) => condition switch
    {
        AllCondition all => Join(all.Operands, "，且"),
        AnyCondition any => Join(any.Operands, "，或者"),
        NotCondition not => $"不属于“{Describe(not.Operand)}”的情形",
        AlwaysCondition => "该类决定一律审核（简易程序除外）",
        AmountComparison c => Comparison(c),
        AmountRange c => $"{c.Fact.Label}在{Amount(c.Fact, c.Low)}至{Amount(c.Fact, c.High)}之间（含两端）",
        CombinedComparison c => Combined(c),
        ValueMembership c => $"{c.Fact.Label}{(c.Negated ? "不是" : "为")}{Values(c.Fact, c.Written, "或")}",
        RankComparison c => $"{c.Fact.Label}{Rank(c.Operator, c.Value.Name)}",
        SetOverlap c => c.Values.Count == 1
            ? $"{c.Fact.Label}包括{c.Values[0].Name}"
            : $"{c.Fact.Label}包括{Values(c.Fact, c.Written, "、")}中的任意一项",
        SetSubset c => $"{c.Fact.Label}仅限{Values(c.Fact, c.Written, "、")}",
        FlagCondition c => c.Fact.Type != FactType.Judgement ? c.Fact.Label
            : c.Fact.Label.EndsWith("情形", StringComparison.Ordinal) ? $"经认定属于“{c.Fact.Label}”" : $"经认定属于“{c.Fact.Label}”情形",
        _ => throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}."),
    };

    /// <summary>Writes an amount for reading: whole ten-thousands of yuan as 万元 (5万元), others as yuan.</summary>
    /// <param name="fact">The fact the amount is of.</param>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with its unit.</returns>
    public static string Amount(FactDefinition fact, decimal value) =>
        fact.Type == FactType.Money && value >= 10_000 && value % 100 == 0
            ? (value / 10_000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "万元"
            : Formatting.Amount(fact, value).Replace(" 元", "元", StringComparison.Ordinal);

    // Compound parts beside others are bracketed, so that "且" and "或者" never read ambiguously.
    private static string Join(IReadOnlyList<Condition> parts, string separator) => string.Join(separator, parts.Select(part =>
        part is AllCondition or AnyCondition ? $"（{Describe(part)}）" : Describe(part)));

    private static string Comparison(AmountComparison c) => Compared(c.Fact.Label, c.Operator, Amount(c.Fact, c.Threshold), c.ThresholdName);

    // 罚款金额与没收金额合计在10万元以上, 罚款金额在没收金额的3倍以上.
    private static string Combined(CombinedComparison c) =>
        Compared(c.LeftWords, c.Operator, c.MultipleWords ?? Amount(c.Facts[0], c.Threshold), c.ThresholdName);

    // A named threshold is said beside its boundary: 5万元以上（单位罚没档，含本数）.
    private static string Compared(string subject, ComparisonOperator op, string amount, string? name)
    {
        var named = name is null ? string.Empty : name + "，";
        return op switch
        {
            ComparisonOperator.GreaterOrEqual => $"{subject}在{amount}以上（{named}含本数）",
            ComparisonOperator.Greater => $"{subject}超过{amount}（{named}不含本数）",
            ComparisonOperator.LessOrEqual => $"{subject}在{amount}以下（{named}含本数）",
            ComparisonOperator.Less => $"{subject}不满{amount}（{named}不含本数）",
            ComparisonOperator.Equal => $"{subject}为{amount}" + (name is null ? string.Empty : $"（{name}）"),
            _ => $"{subject}不为{amount}" + (name is null ? string.Empty : $"（{name}）"),
        };
    }

    // The values as the legal office listed them; a group they named ("停产停业类") is kept, with what it stands for.
    private static string Values(FactDefinition fact, string written, string conjunction)
    {
        var items = written.Split('、').Select(item => fact.TryGetGroup(item, out var members)
            ? $"{item}（{string.Join("、", members.Select(m => m.Name))}）"
            : item).ToList();
        return items.Count == 1 ? items[0] : string.Join("、", items[..^1]) + conjunction + items[^1];
    }

    private static string Rank(ComparisonOperator op, string value) => op switch
    {
        ComparisonOperator.GreaterOrEqual => $"为{value}或更高",
        ComparisonOperator.Greater => $"高于{value}",
        ComparisonOperator.LessOrEqual => $"为{value}或更低",
        ComparisonOperator.Less => $"低于{value}",
        ComparisonOperator.Equal => $"为{value}",
        _ => $"不是{value}",
    };
}
