using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fashen.Engine.Notifications;
using Npgsql;

namespace Fashen.Store.PostgreSql;

/// <summary>The webhook endpoints and the outbox in PostgreSQL, shared by every instance. One instance at a time delivers:
/// the one holding a session-level advisory lock, which the database lets go when that instance's session ends.</summary>
/// <param name="store">The store, for its pooled connections.</param>
/// <param name="dataSource">Where to open the lead's own session.</param>
/// <param name="schema">The schema, whose name keys the lock.</param>
internal sealed class PostgreSqlWebhooks(PostgreSqlStore store, NpgsqlDataSource dataSource, string schema) : IWebhookStore
{
    private const string DeliveryColumns = "id, webhook_id, event_id, event_type, sequence, payload, status, attempts, next_attempt_at, last_error, updated_at";

    // The lock's key: the schema's, so that several Fashen databases in one server do not share a lead.
    private readonly long _leadKey = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("fashen-webhooks:" + schema)));

    public void AddWebhook(WebhookEndpoint endpoint) => store.Execute(
        "INSERT INTO webhooks (id, client_id, department, url, events, created_at) VALUES (@id, @client, @department, @url, @events, @at)",
        ("id", endpoint.Id), ("client", endpoint.ClientId), ("department", endpoint.Department), ("url", endpoint.Url),
        ("events", endpoint.Events.ToArray()), ("at", Text(endpoint.CreatedAt)));

    public void RemoveWebhook(string id, DateTimeOffset at) =>
        store.Execute("UPDATE webhooks SET removed_at = @at WHERE id = @id AND removed_at IS NULL", ("id", id), ("at", Text(at)));

    public IReadOnlyList<WebhookEndpoint> Webhooks() => store.Read(
        "SELECT id, client_id, department, url, events, created_at, removed_at FROM webhooks ORDER BY created_at, id",
        r => new WebhookEndpoint(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4), Time(r.GetString(5)),
            r.IsDBNull(6) ? null : Time(r.GetString(6))));

    public long WebhookCursor() => store.Read("SELECT sequence FROM webhook_cursor WHERE id = 1", r => r.GetInt64(0)).SingleOrDefault();

    // One transaction: the cursor moves only if it is where it was read, and the deliveries are written with it.
    public bool Enqueue(long from, long to, IReadOnlyList<WebhookDelivery> deliveries) => store.WithConnection(connection =>
    {
        using var transaction = connection.BeginTransaction();
        using (var move = new NpgsqlCommand("UPDATE webhook_cursor SET sequence = @to WHERE id = 1 AND sequence = @from", connection, transaction))
        {
            PostgreSqlStore.AddParameters(move.Parameters, [("from", from), ("to", to)]);
            if (move.ExecuteNonQuery() != 1)
            {
                transaction.Rollback();
                return false;
            }
        }

        foreach (var delivery in deliveries)
        {
            using var insert = new NpgsqlCommand(
                $"INSERT INTO webhook_deliveries ({DeliveryColumns}) VALUES (@id, @webhook, @event, @type, @sequence, @payload, @status, @attempts, @next, @error, @updated) ON CONFLICT (id) DO NOTHING",
                connection, transaction);
            PostgreSqlStore.AddParameters(insert.Parameters, Parameters(delivery));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    });

    public IReadOnlyList<WebhookDelivery> DueDeliveries(DateTimeOffset now, int limit) => store.Read(
        $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY sequence, id LIMIT @limit",
        ToDelivery, ("now", now.ToUniversalTime()), ("limit", limit));

    public IReadOnlyList<WebhookDelivery> Deliveries(DeliveryStatus status, int limit) => store.Read(
        $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE status = @status ORDER BY sequence DESC, id LIMIT @limit",
        ToDelivery, ("status", Wire(status)), ("limit", limit));

    public WebhookDelivery? FindDelivery(string id) =>
        store.Read($"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE id = @id", ToDelivery, ("id", id)).SingleOrDefault();

    public void UpdateDelivery(WebhookDelivery delivery) => store.Execute(
        "UPDATE webhook_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @next, last_error = @error, updated_at = @updated WHERE id = @id",
        Parameters(delivery));

    public IWebhookLead? TryLead()
    {
        var session = dataSource.OpenConnection();
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", session);
            command.Parameters.AddWithValue("key", _leadKey);
            if (command.ExecuteScalar() is true)
            {
                return new Lead(session, _leadKey);
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }

        session.Dispose();
        return null;
    }

    private static (string Name, object? Value)[] Parameters(WebhookDelivery d) =>
    [
        ("id", d.Id), ("webhook", d.WebhookId), ("event", d.EventId), ("type", d.EventType), ("sequence", d.Sequence), ("payload", d.Payload),
        ("status", Wire(d.Status)), ("attempts", d.Attempts), ("next", d.NextAttemptAt.ToUniversalTime()), ("error", d.LastError),
        ("updated", d.UpdatedAt.ToUniversalTime()),
    ];

    private static WebhookDelivery ToDelivery(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5),
        Enum.Parse<DeliveryStatus>(r.GetString(6), ignoreCase: true), r.GetInt32(7), r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetString(9), r.GetFieldValue<DateTimeOffset>(10));

    private static string Wire(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static string Text(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);

    // The lead is the session holding the lock: losing it lets another instance lead. Given up, the lock is let go at once:
    // the session goes back to the pool, where it would otherwise keep the lock until its next use resets it.
    private sealed class Lead(NpgsqlConnection session, long key) : IWebhookLead
    {
        public bool StillHeld()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT 1", session);
                return command.ExecuteScalar() is 1;
            }
            catch (NpgsqlException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", session);
                command.Parameters.AddWithValue("key", key);
                command.ExecuteScalar();
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                // A session already lost holds no lock.
            }
            finally
            {
                session.Dispose();
            }
        }
    }
}
