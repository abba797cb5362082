using Fashen.Engine.Facts;

namespace Fashen.Engine.Decisions;

/// <summary>A fact's value after it was checked against the schema.</summary>
public abstract record FactValue;

/// <summary>An amount (元 for money) or a number.</summary>
/// <param name="Value">The exact value.</param>
public sealed record AmountValue(decimal Value) : FactValue;

/// <summary>One value of an enum or ordinal fact.</summary>
/// <param name="Option">The value.</param>
public sealed record OptionValue(FactValueOption Option) : FactValue;

/// <summary>The values of a set fact, in schema order, each once.</summary>
/// <param name="Options">The values.</param>
public sealed record OptionSetValue(IReadOnlyList<FactValueOption> Options) : FactValue;

/// <summary>True or false.</summary>
/// <param name="Value">The value.</param>
public sealed record BooleanValue(bool Value) : FactValue;

/// <summary>A judgement flag: raised or not, and if raised, by whom and why.</summary>
/// <param name="Raised">Whether the flag is raised.</param>
/// <param name="RaisedBy">Who raised it; present when raised.</param>
/// <param name="Reason">Why; present when raised.</param>
public sealed record JudgementValue(bool Raised, string? RaisedBy, string? Reason) : FactValue;
