using System.Text.Json.Nodes;
using Fashen.Engine.Opinions;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Notifications;

/// <summary>The events a case system can be told of, each made from one record entry: the record is the outbox's source, so
/// an event cannot be told that did not happen, nor one that happened be missed.</summary>
public static class WebhookEvents
{
    /// <summary>The event types, with what each means, in Chinese.</summary>
    public static IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["review.returned"] = "退回补正（data.missingMaterials 列出所缺材料）",
        ["review.accepted"] = "材料齐全，受理，开始计时",
        ["review.extension_decided"] = "延期申请已决定（data.approved，批准时 data.dueDate 为新的期限）",
        ["review.decided"] = "作出审核意见（data.outcome：approve 同意、correct 纠正、reject 不同意、refer 移送）",
        [OpinionDocument.ArchivedEntry] = "法制审核意见书已归档（data.number 文号，data.sha256 PDF）",
        ["permit.issued"] = "签发了作出决定的许可凭证（data.permitId）",
    };

    /// <summary>Makes the event of an entry, when the entry is one a case system is told of.</summary>
    /// <param name="entry">The record entry.</param>
    /// <param name="submittedBy">Finds, for a review id, its case id and the API client that submitted it.</param>
    /// <returns>The event's type, its body (without the delivery's own fields), and the client it concerns; or null.</returns>
    public static (string Type, JsonObject Body, string ClientId)? From(AuditEntry entry, Func<string, (string CaseId, string ClientId)?> submittedBy)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(submittedBy);
        if (!Types.ContainsKey(entry.Type))
        {
            return null;
        }

        var recorded = JsonNode.Parse(entry.Data) as JsonObject ?? [];
        string caseId, clientId;
        if (entry.Type == "permit.issued")
        {
            (caseId, clientId) = ((string?)recorded["caseId"] ?? string.Empty, entry.Actor.Id);
        }
        else if (entry.ReviewId is { } reviewId && submittedBy(reviewId) is { } review)
        {
            (caseId, clientId) = review;
        }
        else
        {
            return null;
        }

        var data = entry.Type switch
        {
            "review.returned" => Pick(recorded, "missingMaterials", "note"),
            "review.extension_decided" => Pick(recorded, "approved", "reason", "addedWorkingDays", "dueDate"),
            "review.decided" => Pick(recorded, "outcome", "reason"),
            OpinionDocument.ArchivedEntry => Pick(recorded, "number", "sha256", "size"),
            "permit.issued" => Pick(recorded, "permitId", "digest", "documentsDigest", "classification"),
            _ => [],
        };
        var body = new JsonObject
        {
            ["type"] = entry.Type,
            ["occurredAt"] = entry.At.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["department"] = entry.Department,
            ["caseId"] = caseId,
            ["reviewId"] = entry.ReviewId ?? (string?)recorded["reviewId"],
            ["data"] = data,
            ["record"] = new JsonObject { ["sequence"] = entry.Sequence, ["hash"] = entry.Hash },
        };
        return (entry.Type, body, clientId);
    }

    /// <summary>The event id of an entry: the same for every endpoint and every attempt.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The id (evt_…).</returns>
    public static string EventId(AuditEntry entry) => $"evt_{entry.Sequence}_{entry.Hash[^12..]}";

    /// <summary>Reads who submitted a review, and its case, from its first entry.</summary>
    /// <param name="store">The record.</param>
    /// <param name="reviewId">The review.</param>
    /// <returns>The case id and the submitting client, or null.</returns>
    public static (string CaseId, string ClientId)? SubmittedBy(IReviewStore store, string reviewId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var first = store.ReviewEntries(reviewId).FirstOrDefault(e => e.Type == "review.submitted");
        return first is null || JsonNode.Parse(first.Data)?["caseId"] is not { } caseId ? null : ((string)caseId!, first.Actor.Id);
    }

    private static JsonObject Pick(JsonObject from, params string[] names) =>
        new(names.Where(from.ContainsKey).Select(n => KeyValuePair.Create(n, from[n]?.DeepClone())));
}
