namespace Fashen.Engine.Notifications;

/// <summary>Where a case system wants to be told of its reviews' events: an HTTPS (or loopback HTTP) address, and which events.</summary>
/// <param name="Id">The endpoint's id (W…).</param>
/// <param name="ClientId">The API client that registered it; it is told only of its own reviews and permits.</param>
/// <param name="Department">The client's department.</param>
/// <param name="Url">Where deliveries are posted.</param>
/// <param name="Events">The event types it wants (<see cref="WebhookEvents.Types"/>).</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="RemovedAt">When it was removed, or null while it is in use.</param>
public sealed record WebhookEndpoint(
    string Id, string ClientId, string Department, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt = null)
{
    /// <summary>Gets a value indicating whether deliveries are still made to it.</summary>
    public bool Active => RemovedAt is null;
}

/// <summary>One event to be posted to one endpoint, kept in the store until it is delivered or given up (the outbox).</summary>
/// <param name="Id">The delivery's id: the event's and the endpoint's, so that an event is queued for an endpoint once.</param>
/// <param name="WebhookId">The endpoint.</param>
/// <param name="EventId">The event's id, the same for every endpoint and every attempt: receivers de-duplicate on it.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Sequence">The record entry the event comes from.</param>
/// <param name="Payload">The JSON body posted, exactly as signed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How many rounds of attempts were made (each round retries a few times in a row).</param>
/// <param name="NextAttemptAt">When the next round is due, while pending.</param>
/// <param name="LastError">What went wrong last, in Chinese, or null.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WebhookDelivery(
    string Id, string WebhookId, string EventId, string EventType, long Sequence, string Payload, DeliveryStatus Status, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset UpdatedAt);

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>To be attempted at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the last round: in the dead-letter list, for an admin to replay.</summary>
    Dead,
}

/// <summary>The outbox and the endpoints, as the store keeps them.</summary>
public interface IWebhookStore
{
    /// <summary>Keeps a new endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    void AddWebhook(WebhookEndpoint endpoint);

    /// <summary>Marks an endpoint removed; its pending deliveries are not attempted.</summary>
    /// <param name="id">The endpoint.</param>
    /// <param name="at">When.</param>
    void RemoveWebhook(string id, DateTimeOffset at);

    /// <summary>Lists every endpoint, removed ones too.</summary>
    /// <returns>The endpoints, oldest first.</returns>
    IReadOnlyList<WebhookEndpoint> Webhooks();

    /// <summary>Gets the last record entry whose events were queued.</summary>
    /// <returns>Its sequence number, 0 before any.</returns>
    long WebhookCursor();

    /// <summary>Queues deliveries and moves the cursor, together; only when the cursor is still where it was read (one
    /// dispatcher at a time queues, but a second one is refused rather than trusted).</summary>
    /// <param name="from">The cursor as read.</param>
    /// <param name="to">The last entry now queued.</param>
    /// <param name="deliveries">The deliveries; one already queued is kept as it is.</param>
    /// <returns>True when written.</returns>
    bool Enqueue(long from, long to, IReadOnlyList<WebhookDelivery> deliveries);

    /// <summary>Lists the pending deliveries due, oldest event first.</summary>
    /// <param name="now">Now.</param>
    /// <param name="limit">The most to list.</param>
    /// <returns>The deliveries.</returns>
    IReadOnlyList<WebhookDelivery> DueDeliveries(DateTimeOffset now, int limit);

    /// <summary>Lists deliveries in one status, newest first.</summary>
    /// <param name="status">The status.</param>
    /// <param name="limit">The most to list.</param>
    /// <returns>The deliveries.</returns>
    IReadOnlyList<WebhookDelivery> Deliveries(DeliveryStatus status, int limit);

    /// <summary>Finds a delivery.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>The delivery, or null.</returns>
    WebhookDelivery? FindDelivery(string id);

    /// <summary>Writes where a delivery stands now.</summary>
    /// <param name="delivery">The delivery, changed.</param>
    void UpdateDelivery(WebhookDelivery delivery);

    /// <summary>Takes the lead of delivering: on a database shared by several instances, only one instance at a time holds it.</summary>
    /// <returns>The lead, to be disposed when done, or null when another instance holds it.</returns>
    IWebhookLead? TryLead();
}

/// <summary>The lead of delivering, held until disposed.</summary>
public interface IWebhookLead : IDisposable
{
    /// <summary>Tells whether the lead is still held (the database session holding it is alive).</summary>
    /// <returns>True when it is.</returns>
    bool StillHeld();
}
