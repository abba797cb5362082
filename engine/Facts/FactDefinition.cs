using Fashen.Engine.Catalogues;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Facts;

/// <summary>One fact that decisions carry and conditions test: its key, Chinese label, aliases, type
/// and allowed values.</summary>
public sealed class FactDefinition
{
    private readonly Dictionary<string, FactValueOption> _valuesByName;
    private readonly Dictionary<string, IReadOnlyList<FactValueOption>> _groups;

    /// <summary>Initializes a new instance of the <see cref="FactDefinition"/> class.</summary>
    /// <param name="key">The stable key used by case systems (fine_amount).</param>
    /// <param name="label">The Chinese label (罚款金额).</param>
    /// <param name="aliases">Other names a catalogue or decision may use.</param>
    /// <param name="type">The type.</param>
    /// <param name="values">The allowed values, in order, for enum, ordinal and set facts.</param>
    /// <param name="groups">Named groups of values usable in lists (单位 = 法人 + 非法人组织).</param>
    /// <param name="extensible">Whether a catalogue may add values of its own (执法事项).</param>
    /// <param name="description">A sentence for people, or null.</param>
    /// <param name="slot">The fact's position in the schema.</param>
    /// <param name="span">Where the fact is declared.</param>
    /// <param name="actions">The action kinds a decision carrying the fact must be (罚款金额: 行政处罚); empty for any.</param>
    public FactDefinition(
        string key,
        string label,
        IReadOnlyList<string> aliases,
        FactType type,
        IReadOnlyList<FactValueOption> values,
        IReadOnlyDictionary<string, IReadOnlyList<string>> groups,
        bool extensible,
        string? description,
        int slot,
        SourceSpan span,
        IReadOnlyList<ActionKind>? actions = null)
    {
        Actions = actions ?? [];
        Key = key;
        Label = label;
        Aliases = aliases;
        Type = type;
        Values = values;
        Extensible = extensible;
        Description = description;
        Slot = slot;
        Span = span;
        _valuesByName = new Dictionary<string, FactValueOption>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            _valuesByName.TryAdd(value.Name, value);
            foreach (var alias in value.Aliases)
            {
                _valuesByName.TryAdd(alias, value);
            }
        }

        _groups = groups.ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<FactValueOption>)g.Value.Select(n => _valuesByName[n]).ToList(),
            StringComparer.Ordinal);
        Groups = groups;
    }

    /// <summary>Gets the stable key used by case systems.</summary>
    public string Key { get; }

    /// <summary>Gets the Chinese label used in explanations.</summary>
    public string Label { get; }

    /// <summary>Gets the other names a catalogue or decision may use.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets the type.</summary>
    public FactType Type { get; }

    /// <summary>Gets the allowed values, in order; empty for other types.</summary>
    public IReadOnlyList<FactValueOption> Values { get; }

    /// <summary>Gets the named groups of values, by group name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; }

    /// <summary>Gets a value indicating whether a catalogue may add values of its own.</summary>
    public bool Extensible { get; }

    /// <summary>Gets a sentence for people, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the fact's position in the schema; each fact owns one slot of a <see cref="Decisions.FactVector"/>.</summary>
    public int Slot { get; }

    /// <summary>Gets where the fact is declared.</summary>
    public SourceSpan Span { get; }

    /// <summary>Gets the action kinds a decision carrying the fact must be: a fine amount belongs to a penalty, and on an
    /// inspection it is refused (<c>actions</c> in facts.yaml). Empty when the fact belongs to every kind.</summary>
    public IReadOnlyList<ActionKind> Actions { get; }

    /// <summary>Tells whether a decision of a kind may carry the fact.</summary>
    /// <param name="action">The decision's kind.</param>
    /// <returns>True when the fact belongs to that kind.</returns>
    public bool BelongsTo(ActionKind action) => Actions.Count == 0 || Actions.Contains(action);

    /// <summary>Gets a value indicating whether the fact takes its values from a list.</summary>
    public bool HasValueList => Type is FactType.Enum or FactType.Ordinal or FactType.Set;

    /// <summary>Gets a value indicating whether the fact is an amount or a number.</summary>
    public bool IsNumeric => Type is FactType.Money or FactType.Number;

    /// <summary>Gets every name the fact is known by: key, label and aliases.</summary>
    public IEnumerable<string> Names => new[] { Key, Label }.Concat(Aliases);

    /// <summary>Finds an allowed value by name or alias.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetValue(string name, out FactValueOption value) => _valuesByName.TryGetValue(name, out value!);

    /// <summary>Finds a named group of values.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="members">The group's values.</param>
    /// <returns>True when found.</returns>
    public bool TryGetGroup(string name, out IReadOnlyList<FactValueOption> members) => _groups.TryGetValue(name, out members!);

    /// <summary>Creates a copy with more allowed values, for a catalogue that extends an extensible fact.</summary>
    /// <param name="extra">The names of the values to add, after the existing ones.</param>
    /// <returns>The extended definition.</returns>
    public FactDefinition WithExtraValues(IEnumerable<string> extra)
    {
        var values = Values.ToList();
        foreach (var name in extra)
        {
            if (!_valuesByName.ContainsKey(name))
            {
                values.Add(new FactValueOption(name, values.Count, []));
            }
        }

        return new FactDefinition(Key, Label, Aliases, Type, values, Groups, Extensible, Description, Slot, Span, Actions);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Label}（{Key}）";
}
