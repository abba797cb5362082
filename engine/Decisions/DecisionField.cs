using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>A field of a decision as sent, with where it was written.</summary>
/// <param name="Text">The text.</param>
/// <param name="Span">Where it is.</param>
public sealed record DecisionField(string Text, SourceSpan Span);
