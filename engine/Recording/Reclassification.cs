using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Recording;

/// <summary>The record of a case whose classification or matched rules changed since it was last classified (a hearing
/// was requested later, a fine corrected).</summary>
public static class Reclassification
{
    /// <summary>Makes the entry that records the change, when there is one.</summary>
    /// <param name="before">The case's last classification, or null when it has none.</param>
    /// <param name="now">Its classification now.</param>
    /// <param name="reviewId">The review the change belongs to, or null.</param>
    /// <param name="actor">Who asked.</param>
    /// <returns>The entry, or null when nothing changed.</returns>
    public static PendingEntry? Entry(ClassificationRecord? before, ClassificationRecord now, string? reviewId, Actor actor)
    {
        if (before is null || (before.Classification == now.Classification && before.RuleIds.SequenceEqual(now.RuleIds)))
        {
            return null;
        }

        var data = new JsonObject
        {
            ["caseId"] = now.CaseId,
            ["before"] = new JsonObject { ["classification"] = before.Classification, ["rules"] = Strings(before.RuleIds), ["digest"] = before.Digest },
            ["after"] = new JsonObject { ["classification"] = now.Classification, ["rules"] = Strings(now.RuleIds), ["digest"] = now.Digest },
        };
        return new PendingEntry("decision.reclassified", reviewId, now.Department, actor, CanonicalJson.Serialize(data));
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
