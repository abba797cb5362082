using Fashen.Grammar.Text;

namespace Fashen.Grammar.Syntax;

/// <summary>A condition that always holds (always, 一律): the rule covers every decision of its
/// action kinds outside the simple procedure.</summary>
/// <param name="Span">Where the keyword is.</param>
public sealed record AlwaysSyntax(TextSpan Span) : ConditionSyntax(Span);
