using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A name as written: a fact key or alias, a named threshold or an enum value.</summary>
/// <param name="Text">The name.</param>
/// <param name="Span">Where the name is.</param>
public sealed record NameSyntax(string Text, TextSpan Span);
