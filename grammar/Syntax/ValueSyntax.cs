using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A value on the right of a comparison or in a list.</summary>
/// <param name="Span">Where the value is.</param>
public abstract record ValueSyntax(TextSpan Span);

/// <summary>A number, with an optional unit: <c>50000</c>, <c>5万元</c>, <c>1.5亿</c>.</summary>
/// <param name="Value">The exact value; in 元 when a unit was written.</param>
/// <param name="Unit">The unit as written.</param>
/// <param name="Text">The literal as written.</param>
/// <param name="Span">Where the literal is.</param>
public sealed record AmountSyntax(decimal Value, AmountUnit Unit, string Text, TextSpan Span) : ValueSyntax(Span);

/// <summary>A bare name used as a value: an enum value or a named threshold.</summary>
/// <param name="Name">The name.</param>
public sealed record NameValueSyntax(NameSyntax Name) : ValueSyntax(Name.Span);

/// <summary>Quoted text: <c>"对盗伐、滥伐林木的处罚"</c> or <c>“…”</c>.</summary>
/// <param name="Value">The text between the quotes.</param>
/// <param name="Span">Where the literal is, quotes included.</param>
public sealed record StringSyntax(string Value, TextSpan Span) : ValueSyntax(Span);

/// <summary>A boolean literal: true/false, 是/否.</summary>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the literal is.</param>
public sealed record BooleanSyntax(bool Value, TextSpan Span) : ValueSyntax(Span);

/// <summary>A multiple of another fact: <c>没收金额的3倍</c>, <c>没收金额 * 3</c>, <c>3 * 没收金额</c>.</summary>
/// <param name="Fact">The other fact.</param>
/// <param name="Factor">The multiple.</param>
/// <param name="Span">Where the multiple is.</param>
public sealed record MultipleSyntax(NameSyntax Fact, AmountSyntax Factor, TextSpan Span) : ValueSyntax(Span);
