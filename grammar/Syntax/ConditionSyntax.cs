using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A condition as written, before names are resolved against the fact schema.</summary>
/// <param name="Span">Where the condition is in its fragment's text.</param>
public abstract record ConditionSyntax(TextSpan Span);
