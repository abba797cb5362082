namespace Fashen.Engine.Catalogues;

/// <summary>A kind of administrative enforcement action (行政处罚, 行政许可…). The kinds are data: the fact schema lists them
/// (<c>actions:</c> in facts.yaml, a legal office adds 行政给付 or 行政裁决 there), and the six of the county plan are the
/// sample set used when a schema lists none. Two kinds are the same when their Chinese names are.</summary>
public readonly struct ActionKind : IEquatable<ActionKind>
{
    /// <summary>Initializes a new instance of the <see cref="ActionKind"/> struct.</summary>
    /// <param name="name">The Chinese name (行政处罚).</param>
    /// <param name="wire">The machine name case systems send (penalty).</param>
    public ActionKind(string name, string wire)
    {
        Name = name;
        Wire = wire;
    }

    /// <summary>Gets 行政处罚: penalty. The law gives it rules of its own (the simple procedure, publication within 7 working days).</summary>
    public static ActionKind Penalty { get; } = new("行政处罚", "penalty");

    /// <summary>Gets 行政许可: licensing.</summary>
    public static ActionKind Licence { get; } = new("行政许可", "licence");

    /// <summary>Gets 行政强制: coercive measure.</summary>
    public static ActionKind Coercion { get; } = new("行政强制", "coercion");

    /// <summary>Gets 行政征收: levy or expropriation.</summary>
    public static ActionKind Levy { get; } = new("行政征收", "levy");

    /// <summary>Gets 行政收费: fee.</summary>
    public static ActionKind Fee { get; } = new("行政收费", "fee");

    /// <summary>Gets 行政检查: inspection.</summary>
    public static ActionKind Inspection { get; } = new("行政检查", "inspection");

    /// <summary>Gets the Chinese name.</summary>
    public string Name { get; }

    /// <summary>Gets the machine name.</summary>
    public string Wire { get; }

    /// <summary>Compares two kinds by name.</summary>
    /// <param name="left">One kind.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they are the same kind.</returns>
    public static bool operator ==(ActionKind left, ActionKind right) => left.Equals(right);

    /// <summary>Compares two kinds by name.</summary>
    /// <param name="left">One kind.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they are different kinds.</returns>
    public static bool operator !=(ActionKind left, ActionKind right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ActionKind other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActionKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Names of the action kinds, and the sample set.</summary>
public static class ActionKinds
{
    /// <summary>Gets the six kinds of the county plan (六类行政执法行为), in its order: the sample set, used when a fact schema
    /// lists no kinds of its own.</summary>
    public static IReadOnlyList<ActionKind> Seed { get; } =
        [ActionKind.Penalty, ActionKind.Licence, ActionKind.Coercion, ActionKind.Levy, ActionKind.Fee, ActionKind.Inspection];

    /// <summary>Gets the Chinese names of the sample set, for messages where no schema is at hand.</summary>
    public static string ChineseList { get; } = string.Join("、", Seed.Select(k => k.Name));

    /// <summary>Gets the Chinese name of a kind (行政处罚).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this ActionKind kind) => kind.Name;

    /// <summary>Gets the machine name of a kind (penalty).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToWire(this ActionKind kind) => kind.Wire;

    /// <summary>Reads a kind of the sample set from its Chinese or machine name, where no schema is at hand (reading the
    /// record back); a schema's own kinds are read with <see cref="Facts.FactSchema.TryGetAction"/>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, out ActionKind kind) => TryParse(text, Seed, out kind);

    /// <summary>Reads a kind from its Chinese or machine name among some kinds.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kinds">The kinds known.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, IEnumerable<ActionKind> kinds, out ActionKind kind)
    {
        foreach (var candidate in kinds)
        {
            if (text == candidate.Name || string.Equals(text, candidate.Wire, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Names a stored action for people: its Chinese name when it is one of the sample set, else as stored.</summary>
    /// <param name="text">The action as stored (a machine or Chinese name).</param>
    /// <returns>The name to show.</returns>
    public static string Display(string text) => TryParse(text, out var kind) ? kind.Name : text;
}
