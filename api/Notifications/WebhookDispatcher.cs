using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Fashen.Engine.Notifications;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Fashen.Api.Notifications;

/// <summary>Delivers webhook events from the outbox. The record is the outbox's source: new entries are turned into
/// deliveries, queued with the cursor in one write, so none is lost or queued twice; each due delivery is then posted in a
/// round of attempts (Polly: exponential backoff with jitter, a timeout per attempt), and a round that fails is scheduled
/// again later, doubling the wait, until the last round sends it to the dead letters. On PostgreSQL only the instance
/// holding the lead delivers. Delivery is at least once: receivers de-duplicate on the event id.</summary>
internal sealed class WebhookDispatcher : BackgroundService
{
    private const int Batch = 200;
    private static readonly TimeSpan LongestRoundDelay = TimeSpan.FromHours(6);

    private readonly IFashenStore _store;
    private readonly Webhooks _webhooks;
    private readonly TimeProvider _clock;
    private readonly FashenOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _round;

    public WebhookDispatcher(IFashenStore store, Webhooks webhooks, TimeProvider clock, FashenOptions options, ILogger<WebhookDispatcher> logger)
    {
        _store = store;
        _webhooks = webhooks;
        _clock = clock;
        _options = options;
        _logger = logger;

        // No redirects: a receiver cannot send the signed event on to another address.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Fashen-Webhooks/1");

        // Retries are transient failures only: no answer, a timeout, 408, 429 or 5xx. Any other answer ends the round.
        _round = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.WebhookRetries),
                Delay = options.WebhookRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.WebhookAttemptTimeout)
            .Build();
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IWebhookLead? lead = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (lead is not null && !lead.StillHeld())
                    {
                        lead.Dispose();
                        lead = null;
                    }

                    lead ??= _store.Webhooks.TryLead();
                    if (lead is not null)
                    {
                        var endpoints = _store.Webhooks.Webhooks();
                        Queue(endpoints.Where(w => w.Active).ToList());
                        await DeliverDueAsync(endpoints.ToDictionary(w => w.Id, StringComparer.Ordinal), stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store may be unreachable for a while (an outage, a failover): the next turn tries again.
                    _logger.LogWarning(exception, "事件通知的发送暂时出错，稍后重试。");
                }

                await Task.Delay(_options.WebhookPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            lead?.Dispose();
        }
    }

    // Turns the entries after the cursor into deliveries for the endpoints that want them, and moves the cursor with them.
    private void Queue(List<WebhookEndpoint> endpoints)
    {
        var outbox = _store.Webhooks;
        var cursor = outbox.WebhookCursor();
        if (endpoints.Count == 0)
        {
            // Nobody to tell: the entries so far are passed over without being read.
            if (_store.Head() is { } head && head.Sequence > cursor)
            {
                outbox.Enqueue(cursor, head.Sequence, []);
            }

            return;
        }

        var entries = _store.ReadAll(cursor).Take(Batch).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var reviews = new Dictionary<string, (string CaseId, string ClientId)?>(StringComparer.Ordinal);
        var deliveries = new List<WebhookDelivery>();
        var now = _clock.GetUtcNow();
        foreach (var entry in entries)
        {
            if (WebhookEvents.From(entry, id => reviews.TryGetValue(id, out var known) ? known : reviews[id] = WebhookEvents.SubmittedBy(_store, id)) is not { } made)
            {
                continue;
            }

            var eventId = WebhookEvents.EventId(entry);
            var body = new JsonObject { ["id"] = eventId };
            foreach (var (name, value) in made.Body)
            {
                body[name] = value?.DeepClone();
            }

            var payload = CanonicalJson.Serialize(body);
            deliveries.AddRange(endpoints
                .Where(w => WebhookEvents.Wants(w, made.Type, made.ClientId, entry.Department) && entry.At >= w.CreatedAt)
                .Select(w => new WebhookDelivery($"{eventId}:{w.Id}", w.Id, eventId, made.Type, entry.Sequence, payload, DeliveryStatus.Pending, 0, now, null, now)));
        }

        outbox.Enqueue(cursor, entries[^1].Sequence, deliveries);
    }

    private async Task DeliverDueAsync(Dictionary<string, WebhookEndpoint> endpoints, CancellationToken stoppingToken)
    {
        var outbox = _store.Webhooks;
        foreach (var delivery in outbox.DueDeliveries(_clock.GetUtcNow(), Batch))
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (!endpoints.TryGetValue(delivery.WebhookId, out var endpoint) || !endpoint.Active)
            {
                Finish(delivery, DeliveryStatus.Dead, "通知地址已删除，未发送");
                continue;
            }

            var (delivered, problem) = await SendAsync(endpoint, delivery, stoppingToken);
            if (delivered)
            {
                Finish(delivery, DeliveryStatus.Delivered, null);
                continue;
            }

            var rounds = delivery.Attempts + 1;
            if (rounds >= _options.WebhookRounds)
            {
                Finish(delivery with { Attempts = rounds }, DeliveryStatus.Dead, problem);
                _store.Append(new AppendBatch(_clock.GetUtcNow(), [new PendingEntry("webhook.dead_lettered", null, endpoint.Department, Actor.System, CanonicalJson.Serialize(new JsonObject
                {
                    ["deliveryId"] = delivery.Id,
                    ["webhookId"] = endpoint.Id,
                    ["eventId"] = delivery.EventId,
                    ["eventType"] = delivery.EventType,
                    ["rounds"] = rounds,
                    ["lastError"] = problem,
                }))]));
                _logger.LogWarning("事件通知 {EventId} 发往 {Url} 经 {Rounds} 轮仍未送达，已列入未送达通知，管理员可重新发送：{Problem}", delivery.EventId, endpoint.Url, rounds, problem);
                continue;
            }

            var wait = TimeSpan.FromTicks(Math.Min(LongestRoundDelay.Ticks, _options.WebhookRoundDelay.Ticks * (1L << Math.Min(delivery.Attempts, 20))));
            var now = _clock.GetUtcNow();
            outbox.UpdateDelivery(delivery with { Attempts = rounds, NextAttemptAt = now + wait, LastError = problem, UpdatedAt = now });
        }
    }

    // One round: the first attempt and Polly's retries, each attempt signed afresh.
    private async Task<(bool Delivered, string? Problem)> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var secret = _webhooks.SecretOf(endpoint.Id);
        var attempt = 0;
        try
        {
            using var response = await _round.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                    {
                        Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("Fashen-Event-Id", delivery.EventId);
                    request.Headers.Add("Fashen-Event-Type", delivery.EventType);
                    request.Headers.Add("Fashen-Delivery-Attempt", $"{delivery.Attempts + 1}.{++attempt}");
                    request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, _clock.GetUtcNow(), delivery.Payload));
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                },
                stoppingToken);
            return response.IsSuccessStatusCode ? (true, null) : (false, $"接收方答复 HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException exception)
        {
            return (false, $"无法连接接收方：{exception.Message}");
        }
        catch (TimeoutRejectedException)
        {
            return (false, $"接收方 {_options.WebhookAttemptTimeout.TotalSeconds:0.#} 秒内没有答复");
        }
    }

    private void Finish(WebhookDelivery delivery, DeliveryStatus status, string? problem)
    {
        var now = _clock.GetUtcNow();
        _store.Webhooks.UpdateDelivery(delivery with { Status = status, LastError = problem ?? delivery.LastError, UpdatedAt = now });
    }
}
