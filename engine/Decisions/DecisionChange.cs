using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Engine.Records;

namespace Fashen.Engine.Decisions;

/// <summary>One difference between two versions of a decision's facts, for a resubmission.</summary>
/// <param name="Key">The fact's key.</param>
/// <param name="Label">The fact's Chinese label.</param>
/// <param name="Before">The value before, as shown to people, or null when the fact was not given.</param>
/// <param name="After">The value after, or null when the fact is no longer given.</param>
public sealed record DecisionChange(string Key, string Label, string? Before, string? After)
{
    /// <summary>Compares the canonical facts of two versions of a decision.</summary>
    /// <param name="schema">The schema, for labels and order.</param>
    /// <param name="before">The earlier facts, by key, in canonical text.</param>
    /// <param name="after">The later facts, by key, in canonical text.</param>
    /// <returns>The changes, in schema order.</returns>
    public static IReadOnlyList<DecisionChange> Compare(
        FactSchema schema, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        schema.Facts
            .Select(f => (Fact: f, Before: before.GetValueOrDefault(f.Key), After: after.GetValueOrDefault(f.Key)))
            .Where(x => x.Before != x.After)
            .Select(x => new DecisionChange(x.Fact.Key, x.Fact.Label, Display(x.Fact, x.Before), Display(x.Fact, x.After)))
            .ToList();

    /// <summary>Compares a decision with an earlier version of it as recorded (its canonical form): what it is (执法行为,
    /// 程序), whom it concerns, its dates, and its facts.</summary>
    /// <param name="schema">The schema, for labels and order.</param>
    /// <param name="before">The earlier version's canonical form.</param>
    /// <param name="after">The decision now.</param>
    /// <returns>The changes: the decision's own fields first, then its facts in schema order.</returns>
    public static IReadOnlyList<DecisionChange> Between(FactSchema schema, JsonNode before, BoundDecision after)
    {
        var now = JsonNode.Parse(DecisionCanonicalForm.ToJson(after))!;
        var changes = new List<DecisionChange>();
        foreach (var (key, label) in Fields)
        {
            var (was, @is) = (before[key]?.GetValue<string>(), now[key]?.GetValue<string>());
            if (was != @is)
            {
                changes.Add(new DecisionChange(key, label, ShowField(key, was), ShowField(key, @is)));
            }
        }

        changes.AddRange(Compare(schema, FactsOf(before), DecisionCanonicalForm.Facts(after)));
        return changes;
    }

    /// <summary>Reads the facts of a decision's canonical form, by key, as canonical text.</summary>
    /// <param name="canonical">The canonical form.</param>
    /// <returns>Fact key to canonical value text.</returns>
    public static IReadOnlyDictionary<string, string> FactsOf(JsonNode canonical) =>
        (canonical["facts"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => CanonicalJson.Serialize(p.Value), StringComparer.Ordinal);

    // The decision's own fields that two versions may differ in, as the canonical form names them.
    private static readonly (string Key, string Label)[] Fields =
        [("action", "执法行为"), ("procedure", "程序"), ("party", "当事人"), ("cause", "案由"), ("proposedOn", "拟作出决定日期"), ("filedOn", "立案日期")];

    private static string? ShowField(string key, string? wire) => (key, wire) switch
    {
        (_, null) => null,
        ("action", _) when ActionKinds.TryParse(wire, out var kind) => kind.ToChinese(),
        ("procedure", _) when Procedures.TryParse(wire, out var procedure) => procedure.ToChinese(),
        _ => wire,
    };

    /// <summary>Shows a canonical value to people: amounts as 60,000 元, text without quotes, lists joined by 、.</summary>
    /// <param name="fact">The fact the value belongs to.</param>
    /// <param name="canonical">The canonical JSON text of one value, or null.</param>
    /// <returns>The display text, or null.</returns>
    public static string? Display(FactDefinition fact, string? canonical)
    {
        if (canonical is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(canonical);
        var element = document.RootElement;
        return element.ValueKind switch
        {
            JsonValueKind.String when fact.IsNumeric => Classification.Formatting.Amount(fact, decimal.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => "是",
            JsonValueKind.False => "否",
            JsonValueKind.Array => string.Join("、", element.EnumerateArray().Select(e => e.GetString())),
            JsonValueKind.Object => $"已认定（{element.GetProperty("raisedBy").GetString()}：{element.GetProperty("reason").GetString()}）",
            _ => element.GetRawText(),
        };
    }
}
