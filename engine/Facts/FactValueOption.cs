namespace Fashen.Engine.Facts;

/// <summary>One allowed value of an enum, ordinal or set fact.</summary>
/// <param name="Name">The canonical name, as shown in explanations.</param>
/// <param name="Code">The value's position in the fact's list: its rank for ordinals, its bit for sets.</param>
/// <param name="Aliases">Other names accepted for the same value (公民 for 自然人).</param>
public sealed record FactValueOption(string Name, int Code, IReadOnlyList<string> Aliases);
