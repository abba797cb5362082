using System.Globalization;
using Fashen.Engine.Notifications;
using LiteDB;

namespace Fashen.Store.Webhooks;

/// <summary>The webhook endpoints and the outbox in the LiteDB file, beside the record. One process owns the file, so it
/// always leads the delivering.</summary>
/// <param name="db">The database.</param>
/// <param name="gate">The store's gate: one thread at a time uses the file (see <see cref="LiteDbStore"/>).</param>
internal sealed class LiteDbWebhooks(LiteDatabase db, Lock gate) : IWebhookStore
{
    private const string CursorId = "webhook-cursor";

    private readonly ILiteCollection<BsonDocument> _webhooks = db.GetCollection("webhooks");
    private readonly ILiteCollection<BsonDocument> _deliveries = db.GetCollection("deliveries");
    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection("meta");

    /// <summary>Creates the indexes the outbox is read by (the collections with them).</summary>
    public void EnsureIndexes()
    {
        lock (gate)
        {
            _deliveries.EnsureIndex("status");
            _webhooks.EnsureIndex("clientId");
        }
    }

    public void AddWebhook(WebhookEndpoint endpoint)
    {
        lock (gate)
        {
            _webhooks.Insert(new BsonDocument
            {
                ["_id"] = endpoint.Id,
                ["clientId"] = endpoint.ClientId,
                ["department"] = endpoint.Department,
                ["url"] = endpoint.Url,
                ["events"] = new BsonArray(endpoint.Events.Select(e => new BsonValue(e))),
                ["createdAt"] = Text(endpoint.CreatedAt),
                ["removedAt"] = BsonValue.Null,
            });
        }
    }

    public void RemoveWebhook(string id, DateTimeOffset at)
    {
        lock (gate)
        {
            if (_webhooks.FindById(id) is { } document)
            {
                document["removedAt"] = Text(at);
                _webhooks.Update(document);
            }
        }
    }

    public IReadOnlyList<WebhookEndpoint> Webhooks()
    {
        lock (gate)
        {
            return _webhooks.FindAll().Select(d => new WebhookEndpoint(
                d["_id"].AsString, d["clientId"].AsString, d["department"].AsString, d["url"].AsString,
                d["events"].AsArray.Select(e => e.AsString).ToList(), Time(d["createdAt"].AsString),
                d["removedAt"].IsNull ? null : Time(d["removedAt"].AsString)))
                .OrderBy(w => w.CreatedAt).ToList();
        }
    }

    public long WebhookCursor()
    {
        lock (gate)
        {
            return _meta.FindById(CursorId)?["sequence"].AsInt64 ?? 0;
        }
    }

    public bool Enqueue(long from, long to, IReadOnlyList<WebhookDelivery> deliveries)
    {
        lock (gate)
        {
            db.BeginTrans();
            try
            {
                if ((_meta.FindById(CursorId)?["sequence"].AsInt64 ?? 0) != from)
                {
                    db.Rollback();
                    return false;
                }

                foreach (var delivery in deliveries.Where(d => _deliveries.FindById(d.Id) is null))
                {
                    _deliveries.Insert(ToDocument(delivery));
                }

                _meta.Upsert(new BsonDocument { ["_id"] = CursorId, ["sequence"] = to });
                db.Commit();
                return true;
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<WebhookDelivery> DueDeliveries(DateTimeOffset now, int limit)
    {
        lock (gate)
        {
            return _deliveries.Query().Where("status = @0 AND nextTicks <= @1", "pending", now.UtcTicks)
                .OrderBy("sequence").Limit(limit).ToEnumerable().Select(ToDelivery).ToList();
        }
    }

    public IReadOnlyList<WebhookDelivery> Deliveries(DeliveryStatus status, int limit)
    {
        lock (gate)
        {
            return _deliveries.Query().Where("status = @0", Wire(status)).OrderByDescending("sequence").Limit(limit)
                .ToEnumerable().Select(ToDelivery).ToList();
        }
    }

    public WebhookDelivery? FindDelivery(string id)
    {
        lock (gate)
        {
            return _deliveries.FindById(id) is { } document ? ToDelivery(document) : null;
        }
    }

    public void UpdateDelivery(WebhookDelivery delivery)
    {
        lock (gate)
        {
            _deliveries.Update(ToDocument(delivery));
        }
    }

    // One process owns the file: it always leads.
    public IWebhookLead? TryLead() => new AlwaysHeld();

    private static BsonDocument ToDocument(WebhookDelivery d) => new()
    {
        ["_id"] = d.Id,
        ["webhookId"] = d.WebhookId,
        ["eventId"] = d.EventId,
        ["eventType"] = d.EventType,
        ["sequence"] = d.Sequence,
        ["payload"] = d.Payload,
        ["status"] = Wire(d.Status),
        ["attempts"] = d.Attempts,
        ["nextAttemptAt"] = Text(d.NextAttemptAt),
        ["nextTicks"] = d.NextAttemptAt.UtcTicks,
        ["lastError"] = d.LastError is null ? BsonValue.Null : d.LastError,
        ["updatedAt"] = Text(d.UpdatedAt),
    };

    private static WebhookDelivery ToDelivery(BsonDocument d) => new(
        d["_id"].AsString, d["webhookId"].AsString, d["eventId"].AsString, d["eventType"].AsString, d["sequence"].AsInt64, d["payload"].AsString,
        Enum.Parse<DeliveryStatus>(d["status"].AsString, ignoreCase: true), d["attempts"].AsInt32, Time(d["nextAttemptAt"].AsString),
        d["lastError"].IsNull ? null : d["lastError"].AsString, Time(d["updatedAt"].AsString));

    private static string Wire(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);

    private sealed class AlwaysHeld : IWebhookLead
    {
        public bool StillHeld() => true;

        public void Dispose()
        {
        }
    }
}
