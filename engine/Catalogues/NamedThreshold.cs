using Fashen.Grammar.Text;

namespace Fashen.Engine.Catalogues;

/// <summary>A threshold declared once in a catalogue and used by name in conditions (个人罚款: 2万元).</summary>
/// <param name="Name">The name.</param>
/// <param name="Value">The exact value, in 元 when a unit was written.</param>
/// <param name="HasUnit">Whether a money unit was written, which makes the threshold money only.</param>
/// <param name="Text">The value as written.</param>
/// <param name="Span">Where the threshold is declared.</param>
public sealed record NamedThreshold(string Name, decimal Value, bool HasUnit, string Text, SourceSpan Span);
