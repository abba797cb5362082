using System.Text.Json;
using Fashen.Engine.Facts;

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
