using Fashen.Engine.Catalogues;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Facts;

/// <summary>Every fact decisions may carry, looked up by key, label or alias.</summary>
/// <remarks>Immutable; a catalogue that extends an extensible fact gets its own copy.</remarks>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactDefinition> _byName;
    private readonly Dictionary<ActionKind, int> _actionIndex;

    /// <summary>Initializes a new instance of the <see cref="FactSchema"/> class.</summary>
    /// <param name="facts">The facts, in slot order (fact i has slot i).</param>
    /// <param name="source">The file the schema came from, and its content hash.</param>
    /// <exception cref="ArgumentException">A name is used twice or a slot is out of order: the loader must report that as a diagnostic first.</exception>
    /// <param name="phrases">The phrase table import reads published wording with; empty for none.</param>
    /// <param name="actions">The kinds of action decisions may be (the schema's <c>actions</c>); null for the sample set of six.</param>
    public FactSchema(
        IReadOnlyList<FactDefinition> facts, SchemaSource source, IReadOnlyList<ImportPhrase>? phrases = null, IReadOnlyList<ActionKind>? actions = null)
    {
        Phrases = phrases ?? [];
        Actions = actions ?? ActionKinds.Seed;
        _actionIndex = Actions.Select((kind, i) => (kind, i)).ToDictionary(p => p.kind, p => p.i);
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

    /// <summary>Gets the kinds of action decisions may be, in the schema's order: data a legal office keeps, the six of the
    /// county plan unless the schema lists its own.</summary>
    public IReadOnlyList<ActionKind> Actions { get; }

    /// <summary>Gets the Chinese names of the kinds, for messages.</summary>
    public string ActionList => string.Join("、", Actions.Select(a => a.Name));

    /// <summary>Reads a kind of action from its Chinese or machine name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>True when the schema has that kind.</returns>
    public bool TryGetAction(string text, out ActionKind kind) => ActionKinds.TryParse(text, Actions, out kind);

    /// <summary>Suggests the kind a misspelt or unknown name probably meant.</summary>
    /// <param name="text">The unknown name.</param>
    /// <returns>The closest kind's Chinese name, or null.</returns>
    public string? SuggestAction(string text) => NameSuggestions.Closest(text, Actions.Select(a => a.Name).ToList());

    /// <summary>Gets a kind's position in <see cref="Actions"/>, for tables kept per kind.</summary>
    /// <param name="kind">The kind; one of the schema's.</param>
    /// <returns>The position.</returns>
    public int IndexOf(ActionKind kind) => _actionIndex.TryGetValue(kind, out var index)
        ? index
        : throw new ArgumentException($"{kind} is not a kind of action of this schema; the binder must refuse it first.", nameof(kind));

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
        return new FactSchema(facts, Source, Phrases, Actions);
    }
}

/// <summary>Where a fact schema came from.</summary>
/// <param name="Span">The schema file.</param>
/// <param name="ContentHash">The SHA-256 of the file's bytes, as lowercase hex.</param>
public sealed record SchemaSource(SourceSpan Span, string ContentHash);
