namespace Fashen.Engine.Catalogues;

/// <summary>The six kinds of administrative enforcement action (六类行政执法行为).</summary>
public enum ActionKind
{
    /// <summary>行政处罚: penalty.</summary>
    Penalty,

    /// <summary>行政许可: licensing.</summary>
    Licence,

    /// <summary>行政强制: coercive measure.</summary>
    Coercion,

    /// <summary>行政征收: levy or expropriation.</summary>
    Levy,

    /// <summary>行政收费: fee.</summary>
    Fee,

    /// <summary>行政检查: inspection.</summary>
    Inspection,
}

/// <summary>Names of the action kinds, in Chinese and for machines.</summary>
public static class ActionKinds
{
    private static readonly (ActionKind Kind, string Chinese, string Wire)[] Names =
    [
        (ActionKind.Penalty, "行政处罚", "penalty"),
        (ActionKind.Licence, "行政许可", "licence"),
        (ActionKind.Coercion, "行政强制", "coercion"),
        (ActionKind.Levy, "行政征收", "levy"),
        (ActionKind.Fee, "行政收费", "fee"),
        (ActionKind.Inspection, "行政检查", "inspection"),
    ];

    /// <summary>Gets every kind, in the statutory order.</summary>
    public static IReadOnlyList<ActionKind> All { get; } = Names.Select(n => n.Kind).ToList();

    /// <summary>Gets the Chinese names, in the statutory order, for messages.</summary>
    public static string ChineseList { get; } = string.Join("、", Names.Select(n => n.Chinese));

    /// <summary>Gets the Chinese name of a kind (行政处罚).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToChinese(this ActionKind kind) => Names.First(n => n.Kind == kind).Chinese;

    /// <summary>Gets the machine name of a kind (penalty).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToWire(this ActionKind kind) => Names.First(n => n.Kind == kind).Wire;

    /// <summary>Reads a kind from its Chinese or machine name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string text, out ActionKind kind)
    {
        foreach (var (candidate, chinese, wire) in Names)
        {
            if (text == chinese || string.Equals(text, wire, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
