using System.Text.Json.Nodes;
using Fashen.Engine.Opinions;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Notifications;

/// <summary>The events a case system can be told of, and the reminders a legal office can forward to its messaging system, each
/// made from one record entry: the record is the outbox's source, so an event cannot be told that did not happen, nor one that
/// happened be missed.</summary>
public static class WebhookEvents
{
    /// <summary>Stands for the receiver of office events (reminders): every office endpoint whose departments include the event's,
    /// rather than the one API client a case event concerns.</summary>
    public const string Office = "office";

    /// <summary>The reminders an admin may subscribe the legal office to, with what each means, in Chinese.</summary>
    public static IReadOnlyDictionary<string, string> OfficeTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReviewService.DueSoonReminder] = "审核今天或下一个工作日届满，提醒审核人员（data.reviewer 为负责的审核人员，尚无人领取时为 null）",
        [ReviewService.OverdueReminder] = "审核已超期，通知负责人（data.dueDate 为届满之日）",
    };

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
    /// <returns>The event's type, its body (without the delivery's own fields), and the client it concerns (<see cref="Office"/> for
    /// a reminder); or null.</returns>
    public static (string Type, JsonObject Body, string ClientId)? From(AuditEntry entry, Func<string, (string CaseId, string ClientId)?> submittedBy)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(submittedBy);
        var office = OfficeTypes.ContainsKey(entry.Type);
        if (!Types.ContainsKey(entry.Type) && !office)
        {
            return null;
        }

        var recorded = JsonNode.Parse(entry.Data) as JsonObject ?? [];
        string caseId, clientId;
        if (office)
        {
            (caseId, clientId) = ((string?)recorded["caseId"] ?? string.Empty, Office);
        }
        else if (entry.Type == "permit.issued")
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
            ReviewService.DueSoonReminder or ReviewService.OverdueReminder => Pick(recorded, "dueDate", "dueToday", "state", "reviewer", "notify"),
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

    /// <summary>Tells whether an endpoint is to be told of an event made for a receiver.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="type">The event type.</param>
    /// <param name="receiver">The client the event concerns, or <see cref="Office"/>.</param>
    /// <param name="department">The event's department.</param>
    /// <returns>True when it subscribed to the type and the event is its client's, or an office event of its departments.</returns>
    public static bool Wants(WebhookEndpoint endpoint, string type, string receiver, string? department)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Events.Contains(type) && (receiver == Office
            ? OfficeTypes.ContainsKey(type) && (endpoint.Department == Caller.AllDepartments || endpoint.Department == department)
            : endpoint.ClientId == receiver);
    }

    private static JsonObject Pick(JsonObject from, params string[] names) =>
        new(names.Where(from.ContainsKey).Select(n => KeyValuePair.Create(n, from[n]?.DeepClone())));
}
