using Fashen.Grammar.Text;

namespace Fashen.Engine.Facts;

/// <summary>Every fact decisions may carry, looked up by key, label or alias.</summary>
/// <remarks>Immutable; a catalogue that extends an extensible fact gets its own copy.</remarks>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactDefinition> _byName;

    /// <summary>Initializes a new instance of the <see cref="FactSchema"/> class.</summary>
    /// <param name="facts">The facts, in slot order (fact i has slot i).</param>
    /// <param name="source">The file the schema came from, and its content hash.</param>
    /// <exception cref="ArgumentException">A name is used twice or a slot is out of order: the loader must report that as a diagnostic first.</exception>
    /// <param name="phrases">The phrase table import reads published wording with; empty for none.</param>
    public FactSchema(IReadOnlyList<FactDefinition> facts, SchemaSource source, IReadOnlyList<ImportPhrase>? phrases = null)
    {
        Phrases = phrases ?? [];
        Facts = facts;
        Source = source;
        _byName = new Dictionary<string, FactDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i].Slot != i)
            {
                throw new ArgumentException($"Fact {facts[i].Key} has slot {facts[i].Slot}, expected {i}.", nameof(facts));
            }

            foreach (var name in facts[i].Names)
            {
                if (!_byName.TryAdd(name, facts[i]) && !ReferenceEquals(_byName[name], facts[i]))
                {
                    throw new ArgumentException($"The name {name} is used by two facts.", nameof(facts));
                }
            }
        }
    }

    /// <summary>Gets the facts, in slot order.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>Gets the phrase table: wording of published catalogues and the condition each means, longest phrase first.</summary>
    public IReadOnlyList<ImportPhrase> Phrases { get; }

    /// <summary>Gets where the schema came from.</summary>
    public SchemaSource Source { get; }

    /// <summary>Finds a fact by key, label or alias.</summary>
    /// <param name="name">The name.</param>
    /// <param name="fact">The fact found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetFact(string name, out FactDefinition fact) => _byName.TryGetValue(name, out fact!);

    /// <summary>Suggests the fact a misspelt name probably meant.</summary>
    /// <param name="name">The unknown name.</param>
    /// <returns>The closest fact, or null when nothing is close.</returns>
    public FactDefinition? Suggest(string name) =>
        NameSuggestions.Closest(name, _byName.Keys) is { } closest ? _byName[closest] : null;

    /// <summary>Creates a copy in which some extensible facts have extra values.</summary>
    /// <param name="extensions">For each fact, the values to add.</param>
    /// <returns>The extended schema, or this one when there is nothing to add.</returns>
    public FactSchema Extend(IReadOnlyDictionary<FactDefinition, IReadOnlyList<string>> extensions)
    {
        if (extensions.Count == 0)
        {
            return this;
        }

        var facts = Facts.Select(f => extensions.TryGetValue(f, out var extra) ? f.WithExtraValues(extra) : f).ToList();
        return new FactSchema(facts, Source, Phrases);
    }
}

/// <summary>Where a fact schema came from.</summary>
/// <param name="Span">The schema file.</param>
/// <param name="ContentHash">The SHA-256 of the file's bytes, as lowercase hex.</param>
public sealed record SchemaSource(SourceSpan Span, string ContentHash);
