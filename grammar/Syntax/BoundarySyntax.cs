using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>An explicit note on whether the boundary is included: （含本数）, （不含本数）, （含2万元）.</summary>
/// <param name="Inclusive">Whether the note says the number is included.</param>
/// <param name="Value">The amount the note repeats, such as 2万元 in （含2万元）, if any.</param>
/// <param name="Span">Where the note is, brackets included.</param>
public sealed record BoundarySyntax(bool Inclusive, ValueSyntax? Value, TextSpan Span);
