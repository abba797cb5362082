using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Syntax;

namespace Fashen.Grammar.Parsing;

/// <summary>The outcome of parsing one condition: a syntax tree when the text is well formed, and
/// every diagnostic found.</summary>
/// <param name="Syntax">The syntax tree, or null when there were errors.</param>
/// <param name="Diagnostics">Every problem found, in the order found.</param>
public sealed record ParseResult(ConditionSyntax? Syntax, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the text parsed without errors.</summary>
    public bool Succeeded => Syntax is not null;
}
