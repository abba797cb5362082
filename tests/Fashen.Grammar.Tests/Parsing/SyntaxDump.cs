using System.Globalization;
using Fashen.Grammar.Syntax;

namespace Fashen.Grammar.Tests.Parsing;

/// <summary>Prints a syntax tree in a compact, fully bracketed form for assertions and golden files.</summary>
internal static class SyntaxDump
{
    public static string Print(ConditionSyntax syntax) => syntax switch
    {
        LogicalSyntax l => $"{(l.Operator == LogicalOperator.And ? "And" : "Or")}({string.Join(", ", l.Operands.Select(Print))})",
        NotSyntax n => $"Not({Print(n.Operand)})",
        AlwaysSyntax => "Always",
        RangeSyntax r => $"Range({Print(r.Lower)}, {Print(r.Upper)})",
        ComparisonSyntax c => $"Compare({string.Join(" + ", c.Subjects.Select(s => s.Text))} {c.Operator.ToSymbol()} {Value(c.Value)}{(c.Wording == OperatorWording.Symbol ? string.Empty : " " + c.Wording)}{Boundary(c.Boundary)})",
        BetweenSyntax b => $"Between({b.Subject.Text}, {Value(b.Low)}, {Value(b.High)})",
        MembershipSyntax m => $"{(m.Negated ? "NotIn" : "In")}({m.Subject.Text}, [{string.Join(", ", m.Values.Select(Value))}])",
        OverlapSyntax o => $"AnyOf({o.Subject.Text}, [{string.Join(", ", o.Values.Select(Value))}])",
        SubsetSyntax o => $"Only({o.Subject.Text}, [{string.Join(", ", o.Values.Select(Value))}])",
        FlagSyntax f => $"Flag({f.Subject.Text})",
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    private static string Value(ValueSyntax value) => value switch
    {
        AmountSyntax a => a.Value.ToString(CultureInfo.InvariantCulture) + (a.Unit == AmountUnit.None ? string.Empty : "元"),
        NameValueSyntax n => n.Name.Text,
        StringSyntax s => $"\"{s.Value}\"",
        BooleanSyntax b => b.Value ? "true" : "false",
        MultipleSyntax m => $"{m.Fact.Text} * {Value(m.Factor)}",
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static string Boundary(BoundarySyntax? boundary) => boundary is null
        ? string.Empty
        : $" ({(boundary.Inclusive ? "含" : "不含")}{(boundary.Value is null ? string.Empty : " " + Value(boundary.Value))})";
}
