using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>One fact of a decision as sent: a name (key or alias) and a value.</summary>
/// <param name="Name">The fact's key or alias as written.</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="Value">The value.</param>
public sealed record FactInput(string Name, SourceSpan NameSpan, RawValue Value);
