using Fashen.Grammar.Syntax;

namespace Fashen.Grammar.Formatting;

/// <summary>Writes a parsed condition in the one canonical form <c>fashen fmt</c> gives every catalogue,
/// so that two legal offices writing the same rule write the same text, and a diff shows only real changes.</summary>
/// <remarks>
/// The canonical form keeps the legal wording and makes the rest uniform: 且/或/非 for logic; <c>in</c>,
/// <c>not in</c>, <c>any of</c>, <c>包含</c> for sets; ASCII comparison symbols; the 以上/以下/以内/超过/不满
/// wording kept as written, with the inclusivity of 以上/以下/以内 always stated (（含本数） is the law's default);
/// money units spelled out (5万 → 5万元); lists as <c>[a, b]</c>; text in “”. Parentheses are written where
/// they are needed, and around an 且 group inside 或 so the grouping is visible to every reader.
/// Formatting never changes meaning: the formatted text parses to the same syntax tree, spans aside.
/// </remarks>
public static class ConditionFormatter
{
    /// <summary>Formats a condition on one line.</summary>
    /// <param name="condition">The parsed condition.</param>
    /// <returns>The canonical text.</returns>
    public static string Format(ConditionSyntax condition) => Write(condition, parent: null);

    /// <summary>Formats a condition as lines: one per top-level operand of an 且 or 或, the operator leading
    /// each following line, as catalogues write long conditions.</summary>
    /// <param name="condition">The parsed condition.</param>
    /// <returns>The lines; one line when the condition is not an 且 or 或.</returns>
    public static IReadOnlyList<string> FormatLines(ConditionSyntax condition)
    {
        if (condition is not LogicalSyntax logical)
        {
            return [Format(condition)];
        }

        var word = Word(logical.Operator);
        return logical.Operands.Select((o, i) => (i == 0 ? string.Empty : word + " ") + Write(o, logical.Operator)).ToList();
    }

    private static string Write(ConditionSyntax condition, LogicalOperator? parent) => condition switch
    {
        LogicalSyntax logical => Group(
            string.Join($" {Word(logical.Operator)} ", logical.Operands.Select(o => Write(o, logical.Operator))),
            parent is not null && parent != logical.Operator),
        NotSyntax not => "非 " + Group(Write(not.Operand, null), not.Operand is LogicalSyntax),
        AlwaysSyntax => "一律",
        FlagSyntax flag => flag.Subject.Text,
        ComparisonSyntax comparison => Comparison(comparison),
        RangeSyntax range => $"{range.Subject.Text} {End(range.Lower)}、{End(range.Upper)}",
        BetweenSyntax between => $"{between.Subject.Text} 介于 {Value(between.Low)} 至 {Value(between.High)} 之间",
        MembershipSyntax membership => $"{membership.Subject.Text} {(membership.Negated ? "not in" : "in")} {List(membership.Values)}",
        OverlapSyntax { Values.Count: 1 } overlap => $"{overlap.Subject.Text} 包含 {Value(overlap.Values[0])}",
        OverlapSyntax overlap => $"{overlap.Subject.Text} any of {List(overlap.Values)}",
        SubsetSyntax subset => $"{subset.Subject.Text} 仅限 {List(subset.Values)}",
        _ => throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}."),
    };

    private static string Word(LogicalOperator op) => op == LogicalOperator.And ? "且" : "或";

    private static string Group(string text, bool parenthesize) => parenthesize ? $"({text})" : text;

    private static string Comparison(ComparisonSyntax c)
    {
        var subject = string.Join(" + ", c.Subjects.Select(s => s.Text));
        return c.Wording == OperatorWording.Symbol ? $"{subject} {c.Operator.ToSymbol()} {Value(c.Value)}" : $"{subject} {End(c)}";
    }

    // The drafting word with its amount and note: 5万元以上（含本数）, 超过 10万元.
    private static string End(ComparisonSyntax c)
    {
        var value = Value(c.Value);
        return c.Wording switch
        {
            OperatorWording.Above => $"{Before(c.Value, value)}以上{Boundary(c.Boundary, stated: true)}",
            OperatorWording.Below => $"{Before(c.Value, value)}以下{Boundary(c.Boundary, stated: true)}",
            OperatorWording.Within => $"{Before(c.Value, value)}以内{Boundary(c.Boundary, stated: true)}",
            OperatorWording.Over => $"超过 {value}{Boundary(c.Boundary, stated: false)}",
            _ => $"不满 {value}{Boundary(c.Boundary, stated: false)}",
        };
    }

    // 5万元以上 and 没收金额的3倍以上 read as one phrase; a threshold's name needs a space, or 名称以上 would read as one longer name.
    private static string Before(ValueSyntax syntax, string value) => syntax is AmountSyntax or MultipleSyntax ? value : value + " ";


    // 以上/以下/以内 always say whether the number is included; 超过/不满 keep a note only when one was written.
    private static string Boundary(BoundarySyntax? boundary, bool stated) => boundary switch
    {
        null when stated => "（含本数）",
        null => string.Empty,
        // A name needs a space, or 含 and the name would read as one word (不含 本数 is not 不含本数).
        { Value: { } value } => $"（{(boundary.Inclusive ? "含" : "不含")}{(value is AmountSyntax ? string.Empty : " ")}{Value(value)}）",
        _ => boundary.Inclusive ? "（含本数）" : "（不含本数）",
    };

    private static string List(IReadOnlyList<ValueSyntax> values) => "[" + string.Join(", ", values.Select(Value)) + "]";

    private static string Value(ValueSyntax value) => value switch
    {
        AmountSyntax amount => Amount(amount),
        NameValueSyntax name => name.Name.Text,
        StringSyntax text => Quote(text.Value),
        BooleanSyntax boolean => boolean.Value ? "是" : "否",
        MultipleSyntax multiple => $"{multiple.Fact.Text}的{Amount(multiple.Factor)}倍",
        _ => throw new InvalidOperationException($"Unhandled value {value.GetType().Name}."),
    };

    // The digits as written; the unit spelled out in full.
    private static string Amount(AmountSyntax amount)
    {
        var text = amount.Text.Trim();
        if (Parsing.AmountLiteral.IsChinese(text))
        {
            // Chinese numerals are written in digits, exactly: whole 万 as 万元 (五万元 → 5万元), else in 元 (一万五千元 → 15000元).
            return amount.Unit == AmountUnit.None
                ? amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Parsing.AmountLiteral.Write(amount.Value);
        }

        var digits = text.TrimEnd('元', '万', '千', '亿').TrimEnd(' ', '\t', '\u3000');
        return amount.Unit switch
        {
            AmountUnit.TenThousand => digits + "万元",
            AmountUnit.Thousand => digits + "千元",
            AmountUnit.HundredMillion => digits + "亿元",
            AmountUnit.Yuan => digits + "元",
            _ => digits,
        };
    }

    private static string Quote(string text)
    {
        if (!text.Contains('”', StringComparison.Ordinal))
        {
            return $"“{text}”";
        }

        return text.Contains('"', StringComparison.Ordinal) ? $"'{text}'" : $"\"{text}\"";
    }
}
