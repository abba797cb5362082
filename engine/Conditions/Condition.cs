using Fashen.Engine.Facts;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Conditions;

/// <summary>A condition after type checking: every name resolved to a fact, a value or a number.</summary>
/// <remarks>Only this tree, never a catalogue's text, is turned into executable expressions.</remarks>
/// <param name="Span">Where the condition is in its catalogue.</param>
public abstract record Condition(SourceSpan Span);

/// <summary>All operands hold (且).</summary>
/// <param name="Operands">The operands.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record AllCondition(IReadOnlyList<Condition> Operands, SourceSpan Span) : Condition(Span);

/// <summary>At least one operand holds (或).</summary>
/// <param name="Operands">The operands.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record AnyCondition(IReadOnlyList<Condition> Operands, SourceSpan Span) : Condition(Span);

/// <summary>The operand does not hold (非).</summary>
/// <param name="Operand">The negated condition.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record NotCondition(Condition Operand, SourceSpan Span) : Condition(Span);

/// <summary>Always holds (一律).</summary>
/// <param name="Span">Where the condition is.</param>
public sealed record AlwaysCondition(SourceSpan Span) : Condition(Span);

/// <summary>A money or number fact compared with a threshold.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Threshold">The threshold, exact (元 for money).</param>
/// <param name="ThresholdName">The named threshold used, or null for a literal.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record AmountComparison(
    FactDefinition Fact, ComparisonOperator Operator, decimal Threshold, string? ThresholdName, SourceSpan Span) : Condition(Span);

/// <summary>A money or number fact within an inclusive range.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Low">The lower bound, included.</param>
/// <param name="High">The upper bound, included.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record AmountRange(FactDefinition Fact, decimal Low, decimal High, SourceSpan Span) : Condition(Span);

/// <summary>An enum or ordinal fact is (or is not) one of some values.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Values">The values, with groups expanded and duplicates removed.</param>
/// <param name="Negated">Whether the condition is "not one of".</param>
/// <param name="Written">The list as written, for explanations (groups such as 单位 kept).</param>
/// <param name="Span">Where the condition is.</param>
public sealed record ValueMembership(
    FactDefinition Fact, IReadOnlyList<FactValueOption> Values, bool Negated, string Written, SourceSpan Span) : Condition(Span);

/// <summary>An ordinal fact compared by rank (执法层级 &gt;= 县).</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Operator">The comparison; never equality, which is a <see cref="ValueMembership"/>.</param>
/// <param name="Value">The value compared with.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record RankComparison(
    FactDefinition Fact, ComparisonOperator Operator, FactValueOption Value, SourceSpan Span) : Condition(Span);

/// <summary>A set fact contains at least one of some values.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Values">The values, with groups expanded and duplicates removed.</param>
/// <param name="Written">The list as written, for explanations.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record SetOverlap(
    FactDefinition Fact, IReadOnlyList<FactValueOption> Values, string Written, SourceSpan Span) : Condition(Span);

/// <summary>A set fact holds none but some values (仅限): every value it holds is among them.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Values">The values allowed, with groups expanded and duplicates removed.</param>
/// <param name="Written">The list as written, for explanations.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record SetSubset(
    FactDefinition Fact, IReadOnlyList<FactValueOption> Values, string Written, SourceSpan Span) : Condition(Span);

/// <summary>A boolean fact is true, or a judgement flag was raised.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Span">Where the condition is.</param>
public sealed record FlagCondition(FactDefinition Fact, SourceSpan Span) : Condition(Span);
