using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>A fact's value as a case system or test case sent it, before it is checked against the schema.</summary>
/// <param name="Span">Where the value is.</param>
public abstract record RawValue(SourceSpan Span);

/// <summary>Text: an enum value, or an amount with a unit such as "5万元".</summary>
/// <param name="Text">The text.</param>
/// <param name="Span">Where the value is.</param>
public sealed record RawText(string Text, SourceSpan Span) : RawValue(Span);

/// <summary>A number as written.</summary>
/// <param name="Value">The exact value.</param>
/// <param name="Text">The number as written.</param>
/// <param name="Span">Where the value is.</param>
public sealed record RawNumber(decimal Value, string Text, SourceSpan Span) : RawValue(Span);

/// <summary>True or false.</summary>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the value is.</param>
public sealed record RawBoolean(bool Value, SourceSpan Span) : RawValue(Span);

/// <summary>A list, for set facts.</summary>
/// <param name="Items">The items.</param>
/// <param name="Span">Where the value is.</param>
public sealed record RawList(IReadOnlyList<RawValue> Items, SourceSpan Span) : RawValue(Span);

/// <summary>A judgement flag with who raised it and why.</summary>
/// <param name="Raised">Whether the flag is raised.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="Reason">Why.</param>
/// <param name="Span">Where the value is.</param>
public sealed record RawJudgement(bool Raised, string? RaisedBy, string? Reason, SourceSpan Span) : RawValue(Span);

/// <summary>An explicit null: the fact is not known.</summary>
/// <param name="Span">Where the value is.</param>
public sealed record RawNull(SourceSpan Span) : RawValue(Span);
