using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Notifications;

/// <summary>The webhook endpoints case systems register, and the dead letters admins replay. Every registration, removal and
/// replay is in the record; the deliveries themselves are in the outbox (<see cref="IWebhookStore"/>).</summary>
/// <param name="store">The endpoints and the outbox.</param>
/// <param name="record">The record.</param>
/// <param name="clock">The clock.</param>
/// <param name="key">The service's webhook key, from which each endpoint's secret is derived.</param>
/// <param name="allowLoopbackHttp">Whether plain http to this machine is allowed (a receiver beside the service, in tests and
/// trials); otherwise only https.</param>
public sealed class Webhooks(IWebhookStore store, IReviewStore record, TimeProvider clock, byte[] key, bool allowLoopbackHttp)
{
    /// <summary>The most endpoints one API client keeps.</summary>
    public const int MaxPerClient = 10;

    /// <summary>The longest address accepted.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Registers an endpoint for a case system's events, or, for an admin, for the reminders of the legal office
    /// (<see cref="WebhookEvents.OfficeTypes"/>) of the departments the admin may see.</summary>
    /// <param name="caller">The case system, or an admin.</param>
    /// <param name="url">Where to post: https (or http to this machine, where allowed).</param>
    /// <param name="events">The event types; empty for all.</param>
    /// <returns>The endpoint and its secret, which is shown this once.</returns>
    public Outcome<(WebhookEndpoint Endpoint, string Secret)> Register(Caller caller, string url, IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCaseSystem && !caller.Has(Role.Admin))
        {
            return ReviewErrors.RoleRequired("登记事件通知地址", "案件系统或管理员");
        }

        if (AddressProblem(url, allowLoopbackHttp) is { } problem)
        {
            return ReviewErrors.WebhookInvalid(problem);
        }

        // A case system is told of its own reviews; the legal office (registered by its admin) of reminders.
        var offered = caller.IsCaseSystem ? WebhookEvents.Types : WebhookEvents.OfficeTypes;
        var unknown = events.Where(e => !offered.ContainsKey(e)).ToList();
        if (unknown.Count > 0)
        {
            return ReviewErrors.WebhookInvalid($"{(caller.IsCaseSystem ? "案件系统" : "法制机构")}不能订阅这些事件：{string.Join("、", unknown)}。可订阅的事件为 {string.Join("、", offered.Keys)}");
        }

        if (store.Webhooks().Count(w => w.ClientId == caller.Actor.Id && w.Active) >= MaxPerClient)
        {
            return ReviewErrors.WebhookInvalid($"每个案件系统最多登记 {MaxPerClient} 个通知地址，请先删除不用的");
        }

        var at = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint(
            "W" + RandomNumberGenerator.GetHexString(16, lowercase: true), caller.Actor.Id, OfficeScope(caller), url,
            events.Count == 0 ? [.. offered.Keys] : events.Distinct(StringComparer.Ordinal).ToList(), at);
        store.AddWebhook(endpoint);
        Record("webhook.registered", caller, endpoint, at);
        return (endpoint, WebhookSignature.SecretFor(key, endpoint.Id));
    }

    /// <summary>Lists a case system's endpoints (all endpoints, for an admin).</summary>
    /// <param name="caller">Who asks.</param>
    /// <returns>The endpoints in use.</returns>
    public IReadOnlyList<WebhookEndpoint> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.Webhooks().Where(w => w.Active && (w.ClientId == caller.Actor.Id || caller.Has(Role.Admin))).ToList();
    }

    /// <summary>Removes an endpoint: nothing more is posted to it.</summary>
    /// <param name="caller">The case system that registered it, or an admin.</param>
    /// <param name="id">The endpoint.</param>
    /// <returns>The endpoint as it was, or why not.</returns>
    public Outcome<WebhookEndpoint> Remove(Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (List(caller).FirstOrDefault(w => w.Id == id) is not { } endpoint)
        {
            return ReviewErrors.WebhookNotFound(id);
        }

        var at = clock.GetUtcNow();
        store.RemoveWebhook(id, at);
        Record("webhook.removed", caller, endpoint, at);
        return endpoint;
    }

    // An endpoint's department: the case system's; for an admin, every department ("*") or the one they are given. An admin given
    // several but not all is limited to the first, since an endpoint names one.
    private static string OfficeScope(Caller caller) =>
        caller.Departments.Contains(Caller.AllDepartments) ? Caller.AllDepartments : caller.Departments.FirstOrDefault() ?? string.Empty;

    /// <summary>Gets the secret deliveries to an endpoint are signed with (for the delivering side).</summary>
    /// <param name="webhookId">The endpoint.</param>
    /// <returns>The secret.</returns>
    public string SecretOf(string webhookId) => WebhookSignature.SecretFor(key, webhookId);

    /// <summary>Lists the dead letters: deliveries given up after every round of attempts.</summary>
    /// <param name="caller">An admin.</param>
    /// <param name="limit">The most to list.</param>
    /// <returns>The dead letters, newest first.</returns>
    public Outcome<List<WebhookDelivery>> DeadLetters(Caller caller, int limit = 200)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Role.Admin))
        {
            return ReviewErrors.RoleRequired("查看未送达的事件通知", "管理员");
        }

        // A list is handed over as its own type: C# converts to an outcome implicitly from classes only.
        List<WebhookDelivery> dead = [.. store.Deliveries(DeliveryStatus.Dead, Math.Clamp(limit, 1, 1000))];
        return dead;
    }

    /// <summary>Puts a dead letter back in the outbox, due now, with its attempts counted afresh.</summary>
    /// <param name="caller">An admin.</param>
    /// <param name="deliveryId">The delivery.</param>
    /// <returns>The delivery, pending again, or why not.</returns>
    public Outcome<WebhookDelivery> Replay(Caller caller, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Role.Admin))
        {
            return ReviewErrors.RoleRequired("重新发送事件通知", "管理员");
        }

        if (store.FindDelivery(deliveryId) is not { Status: DeliveryStatus.Dead } dead)
        {
            return ReviewErrors.WebhookNotFound(deliveryId);
        }

        var at = clock.GetUtcNow();
        var pending = dead with { Status = DeliveryStatus.Pending, Attempts = 0, NextAttemptAt = at, UpdatedAt = at };
        store.UpdateDelivery(pending);
        record.Append(new AppendBatch(at, [new PendingEntry("webhook.replayed", null, null, caller.Actor, CanonicalJson.Serialize(new JsonObject
        {
            ["deliveryId"] = dead.Id,
            ["webhookId"] = dead.WebhookId,
            ["eventId"] = dead.EventId,
            ["lastError"] = dead.LastError,
        }))]));
        return pending;
    }

    // Only https (or http to this machine, where allowed); never credentials in the address.
    private static string? AddressProblem(string url, bool allowLoopbackHttp)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"通知地址应为完整的网址（https://…），最多 {MaxUrlLength} 个字符";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "通知地址中不能有用户名、密码或 #片段";
        }

        return uri.Scheme == Uri.UriSchemeHttps || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? null
            : "通知地址应使用 https" + (allowLoopbackHttp ? "（只有本机地址 127.0.0.1、localhost 可用 http）" : string.Empty);
    }

    private void Record(string type, Caller caller, WebhookEndpoint endpoint, DateTimeOffset at) =>
        record.Append(new AppendBatch(at, [new PendingEntry(type, null, endpoint.Department, caller.Actor, CanonicalJson.Serialize(new JsonObject
        {
            ["webhookId"] = endpoint.Id,
            ["clientId"] = endpoint.ClientId,
            ["url"] = endpoint.Url,
            ["events"] = new JsonArray(endpoint.Events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
        }))]));
}
