using System.Globalization;
using System.Text;
using Fashen.Engine.Conditions;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Classification;

/// <summary>Writes a condition tree as a RulesEngine (Dynamic LINQ) expression over a
/// <see cref="Decisions.FactVector"/> named <see cref="Parameter"/>.</summary>
/// <remarks>
/// The expression is made only of tokens this class writes: slot numbers, value codes, bit masks
/// and decimal numbers formatted by .NET. No text from a catalogue or a decision (names, enum
/// values, quoted strings) ever appears in it, so none can become executable code.
/// The expression is true exactly when the condition is definitely true: a clause on a missing
/// fact is false here, and negation is pushed down to the clauses so that "not" of a missing fact
/// is false too. Written the other way round (<see cref="DefinitelyFalse"/>), it tells a decided rule from an
/// undecided one; which facts leave a rule undecided is found by <see cref="ConditionEvaluator"/>.
/// </remarks>
internal static class ExpressionWriter
{
    public const string Parameter = "facts";

    public static string DefinitelyTrue(Condition condition)
    {
        var builder = new StringBuilder();
        Write(builder, condition, positive: true);
        return builder.ToString();
    }

    /// <summary>Writes the expression that is true exactly when the condition is definitely false: the
    /// negation pushed down, so that a clause on a missing fact is false here too. A condition neither
    /// definitely true nor definitely false is undecided.</summary>
    public static string DefinitelyFalse(Condition condition)
    {
        var builder = new StringBuilder();
        Write(builder, condition, positive: false);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, Condition condition, bool positive)
    {
        switch (condition)
        {
            case AllCondition all:
                Join(b, all.Operands, positive ? " && " : " || ", positive);
                break;
            case AnyCondition any:
                Join(b, any.Operands, positive ? " || " : " && ", positive);
                break;
            case NotCondition not:
                Write(b, not.Operand, !positive);
                break;
            case AlwaysCondition:
                b.Append(positive ? "true" : "false");
                break;
            case AmountComparison c:
                b.Append('(').Append(Present(c.Fact.Slot)).Append(" && ").Append(Amount(c.Fact.Slot)).Append(' ')
                    .Append((positive ? c.Operator : c.Operator.Negate()).ToSymbol()).Append(' ').Append(Number(c.Threshold)).Append(')');
                break;
            case AmountRange c:
                b.Append('(').Append(Present(c.Fact.Slot)).Append(" && ");
                b.Append(positive
                    ? $"{Amount(c.Fact.Slot)} >= {Number(c.Low)} && {Amount(c.Fact.Slot)} <= {Number(c.High)}"
                    : $"({Amount(c.Fact.Slot)} < {Number(c.Low)} || {Amount(c.Fact.Slot)} > {Number(c.High)})");
                b.Append(')');
                break;
            case CombinedComparison c:
                var left = string.Join(" + ", c.Facts.Select(f => Amount(f.Slot)));
                var right = c.Of is null ? Number(c.Threshold) : $"{Number(c.Threshold)} * {Amount(c.Of.Slot)}";
                b.Append('(').Append(string.Join(" && ", c.AllFacts.Select(f => Present(f.Slot)))).Append(" && (").Append(left).Append(") ")
                    .Append((positive ? c.Operator : c.Operator.Negate()).ToSymbol()).Append(" (").Append(right).Append("))");
                break;
            case ValueMembership c:
                WriteMembership(b, c, positive != c.Negated);
                break;
            case RankComparison c:
                // An absent ordinal has code −1, which must not satisfy "<" or "<=".
                b.Append('(').Append(Code(c.Fact.Slot)).Append(" >= 0 && ").Append(Code(c.Fact.Slot)).Append(' ')
                    .Append((positive ? c.Operator : c.Operator.Negate()).ToSymbol()).Append(' ')
                    .Append(c.Value.Code.ToString(CultureInfo.InvariantCulture)).Append(')');
                break;
            case SetOverlap c:
                var mask = c.Values.Aggregate(0UL, (bits, v) => bits | (1UL << v.Code)).ToString(CultureInfo.InvariantCulture);
                b.Append(positive
                    ? $"(({Set(c.Fact.Slot)} & {mask}UL) != 0UL)"
                    : $"({Present(c.Fact.Slot)} && ({Set(c.Fact.Slot)} & {mask}UL) == 0UL)");
                break;
            case SetSubset c:
                // An absent set holds nothing, which "none but" would accept: presence is part of the test either way.
                var outside = (~c.Values.Aggregate(0UL, (bits, v) => bits | (1UL << v.Code))).ToString(CultureInfo.InvariantCulture);
                b.Append(positive
                    ? $"({Present(c.Fact.Slot)} && ({Set(c.Fact.Slot)} & {outside}UL) == 0UL)"
                    : $"({Present(c.Fact.Slot)} && ({Set(c.Fact.Slot)} & {outside}UL) != 0UL)");
                break;
            case FlagCondition c:
                b.Append('(').Append(Present(c.Fact.Slot)).Append(" && ").Append(positive ? string.Empty : "!")
                    .Append(Flag(c.Fact.Slot)).Append(')');
                break;
            default:
                throw new InvalidOperationException($"Unhandled condition {condition.GetType().Name}.");
        }
    }

    private static void WriteMembership(StringBuilder b, ValueMembership c, bool isOneOf)
    {
        var code = Code(c.Fact.Slot);
        var codes = c.Values.Select(v => v.Code.ToString(CultureInfo.InvariantCulture)).ToList();

        // An absent enum has code −1, which equals no value: "is one of" needs no presence test.
        b.Append(isOneOf
            ? "(" + string.Join(" || ", codes.Select(x => $"{code} == {x}")) + ")"
            : $"({code} >= 0" + string.Concat(codes.Select(x => $" && {code} != {x}")) + ")");
    }

    private static void Join(StringBuilder b, IReadOnlyList<Condition> operands, string separator, bool positive)
    {
        b.Append('(');
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                b.Append(separator);
            }

            Write(b, operands[i], positive);
        }

        b.Append(')');
    }

    private static string Present(int slot) => $"{Parameter}.Present[{slot.ToString(CultureInfo.InvariantCulture)}]";

    private static string Amount(int slot) => $"{Parameter}.Amount[{slot.ToString(CultureInfo.InvariantCulture)}]";

    private static string Code(int slot) => $"{Parameter}.Code[{slot.ToString(CultureInfo.InvariantCulture)}]";

    private static string Set(int slot) => $"{Parameter}.Set[{slot.ToString(CultureInfo.InvariantCulture)}]";

    private static string Flag(int slot) => $"{Parameter}.Flag[{slot.ToString(CultureInfo.InvariantCulture)}]";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

}
