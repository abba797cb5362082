using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Notifications;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Notifications;

/// <summary>Case systems are told of their reviews' events by webhook: signed deliveries to a real receiver on loopback, each
/// event once per endpoint with an id to de-duplicate on, retried in rounds while the receiver is down (also across a
/// restart), and given up into dead letters an admin replays. Runs on both stores (FASHEN_TEST_STORE).</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    // Quick rounds: three attempts 20 ms apart, then the next round a (fake) minute later, three rounds in all.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Fashen:WebhookAllowLoopbackHttp"] = "true",
        ["Fashen:WebhookPollInterval"] = "00:00:00.05",
        ["Fashen:WebhookRetries"] = "2",
        ["Fashen:WebhookRetryDelay"] = "00:00:00.02",
        ["Fashen:WebhookRounds"] = "3",
        ["Fashen:WebhookRoundDelay"] = "00:01:00",
    };

    private FashenApp _app = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _app = FashenApp.Start(Settings);
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task EachEventOfTheCaseSystemsReview_IsPostedSigned_WithAnIdToDeduplicateOn()
    {
        var secret = await RegisterAsync(_app.CaseSystem("scjg"), _receiver.Url);
        var other = await WebhookReceiver.StartAsync();
        await RegisterAsync(_app.CaseSystem("sthj"), other.Url);

        // Returned for the missing evidence, then accepted, approved, its opinion archived, and the permit issued.
        var scjg = _app.CaseSystem("scjg");
        var (_, review) = await Post(scjg, "/v1/reviews", Submission(FoodFine(), AllMaterials.SkipLast(1)));
        var id = review.GetProperty("id").GetString()!;
        await _receiver.WaitForAsync(r => Types(r).Contains("review.returned"), "review.returned");
        (_, review) = await Post(scjg, $"/v1/reviews/{id}/resubmissions", Submission(FoodFine()));
        Assert.Equal("accepted", review.State());
        var reviewer = await _app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        await Get(reviewer, $"/v1/reviews/{id}/opinion");
        await Post(scjg, "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });

        string[] expected = ["review.returned", "review.accepted", "review.decided", "opinion.archived", "permit.issued"];
        await _receiver.WaitForAsync(r => expected.All(Types(r).Contains), string.Join(", ", expected));
        var received = _receiver.Received.ToList();
        Assert.Equal(expected, Types(received));
        foreach (var (headers, body) in received)
        {
            Assert.True(WebhookSignature.Verify(secret, headers[WebhookSignature.Header], body, _app.Clock.GetUtcNow()), body);
            Assert.False(WebhookSignature.Verify(secret, headers[WebhookSignature.Header], body.Replace("scjg", "sthj", StringComparison.Ordinal), _app.Clock.GetUtcNow()));
            using var json = JsonDocument.Parse(body);
            Assert.Equal(headers["Fashen-Event-Id"], json.RootElement.GetProperty("id").GetString());
            Assert.Equal(id, json.RootElement.GetProperty("reviewId").GetString());
            Assert.Equal("桓市监罚〔2026〕001号", json.RootElement.GetProperty("caseId").GetString());
        }

        Assert.Equal("approve", Data(received[2]).GetProperty("outcome").GetString());
        Assert.Equal("桓市监法审〔2026〕1号", Data(received[3]).GetProperty("number").GetString());

        // Another department's case system hears nothing of scjg's reviews, and an old signature fails the time check.
        Assert.Empty(other.Received);
        await other.DisposeAsync();
        var (stale, staleBody) = received[0];
        Assert.False(WebhookSignature.Verify(secret, stale[WebhookSignature.Header], staleBody, _app.Clock.GetUtcNow().AddMinutes(6)));
    }

    [Fact]
    public async Task AReceiverDownForAWhile_GetsTheEventOnceItIsBack_WithTheSameId_AlsoAfterARestart()
    {
        await RegisterAsync(_app.CaseSystem("scjg"), _receiver.Url);
        await _receiver.DownAsync();

        await Post(_app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(), AllMaterials.SkipLast(1)));
        var delivery = await WaitForDeliveryAsync(_app, d => d.Attempts == 1);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Contains("无法连接", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(_app.Clock.GetUtcNow().AddMinutes(1), delivery.NextAttemptAt);

        // Answering 503 meanwhile: each attempt of a round is made, none counts as delivered.
        await _receiver.UpAsync();
        _receiver.Answer = HttpStatusCode.ServiceUnavailable;
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        delivery = await WaitForDeliveryAsync(_app, d => d.Attempts == 2);
        Assert.Equal(3, _receiver.Received.Count);
        Assert.Equal(_app.Clock.GetUtcNow().AddMinutes(2), delivery.NextAttemptAt);

        // A restart in between: the outbox is in the store.
        var app = await _app.RestartAsync();
        _app = app;
        _receiver.Answer = HttpStatusCode.OK;
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForDeliveryAsync(_app, d => d.Status == DeliveryStatus.Delivered);

        var ids = _receiver.Received.Select(r => r.Headers["Fashen-Event-Id"]).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(4, _receiver.Received.Count);
    }

    [Fact]
    public async Task AnEventGivenUp_IsADeadLetter_ThatAnAdminSeesAndReplays()
    {
        await RegisterAsync(_app.CaseSystem("scjg"), _receiver.Url);
        _receiver.Answer = HttpStatusCode.InternalServerError;

        await Post(_app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(), AllMaterials.SkipLast(1)));
        await WaitForDeliveryAsync(_app, d => d.Attempts == 1);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForDeliveryAsync(_app, d => d.Attempts == 2);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForDeliveryAsync(_app, d => d.Status == DeliveryStatus.Dead);

        var admin = await _app.PersonAsync("admin");
        var (status, dead) = await Get(admin, "/v1/webhooks/dead-letters");
        Assert.Equal(HttpStatusCode.OK, status);
        var letter = Assert.Single(dead.EnumerateArray());
        Assert.Equal("review.returned", letter.GetProperty("eventType").GetString());
        Assert.Equal("接收方答复 HTTP 500", letter.GetProperty("lastError").GetString());
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "webhook.dead_lettered");

        // Only an admin; then the replay goes out at once, once the receiver is right again.
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(await _app.PersonAsync("li.min"), "/v1/webhooks/dead-letters")).Status);
        _receiver.Answer = HttpStatusCode.OK;
        var (replayed, _) = await Post(admin, $"/v1/webhooks/dead-letters/{letter.GetProperty("id").GetString()}/replay", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, replayed);
        await WaitForDeliveryAsync(_app, d => d.Status == DeliveryStatus.Delivered);
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "webhook.replayed" && e.Actor.Id == "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await Post(admin, $"/v1/webhooks/dead-letters/{letter.GetProperty("id").GetString()}/replay", new JsonObject())).Status);
    }

    [Fact]
    public async Task Registration_TakesHttpsOrLoopback_KnownEvents_AndIsTheCaseSystemsOwn()
    {
        var scjg = _app.CaseSystem("scjg");
        foreach (var url in new[] { "http://example.com/hook", "ftp://127.0.0.1/x", "https://user:pw@example.com/x", "not a url" })
        {
            var (status, problem) = await Post(scjg, "/v1/webhooks", new JsonObject { ["url"] = url });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("FS5036", problem.Code());
        }

        var (unknown, unknownProblem) = await Post(scjg, "/v1/webhooks", new JsonObject { ["url"] = _receiver.Url, ["events"] = new JsonArray("review.deleted") });
        Assert.Equal(("FS5036", HttpStatusCode.UnprocessableEntity), (unknownProblem.Code(), unknown));

        var (created, endpoint) = await Post(scjg, "/v1/webhooks", new JsonObject { ["url"] = "https://case.example.gov.cn/hooks", ["events"] = new JsonArray("review.decided") });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.StartsWith("whsec_", endpoint.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var webhookId = endpoint.GetProperty("id").GetString();

        var (_, listed) = await Get(scjg, "/v1/webhooks");
        Assert.Equal(JsonValueKind.Null, Assert.Single(listed.EnumerateArray()).GetProperty("secret").ValueKind);
        var (_, theirs) = await Get(_app.CaseSystem("sthj"), "/v1/webhooks");
        Assert.Empty(theirs.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Send(_app.CaseSystem("sthj"), HttpMethod.Delete, $"/v1/webhooks/{webhookId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(scjg, HttpMethod.Delete, $"/v1/webhooks/{webhookId}")).Status);
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "webhook.registered");
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "webhook.removed");
        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Data.Contains("whsec_", StringComparison.Ordinal));
    }

    private static async Task<string> RegisterAsync(HttpClient caseSystem, string url)
    {
        var (status, endpoint) = await Post(caseSystem, "/v1/webhooks", new JsonObject { ["url"] = url });
        Assert.Equal(HttpStatusCode.Created, status);
        return endpoint.GetProperty("secret").GetString()!;
    }

    private static async Task<WebhookDelivery> WaitForDeliveryAsync(FashenApp app, Func<WebhookDelivery, bool> condition)
    {
        var outbox = ((Fashen.Store.IFashenStore)app.Store).Webhooks;
        for (var waited = 0; waited < 600; waited++)
        {
            var deliveries = new[] { DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Dead }.SelectMany(s => outbox.Deliveries(s, 10)).ToList();
            if (deliveries.FirstOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The delivery did not come to the state awaited within 30 s.");
    }

    private static List<string> Types(IEnumerable<(IReadOnlyDictionary<string, string> Headers, string Body)> received) =>
        received.Select(r => r.Headers["Fashen-Event-Type"]).Distinct().ToList();

    private static JsonElement Data((IReadOnlyDictionary<string, string> Headers, string Body) received) =>
        JsonDocument.Parse(received.Body).RootElement.GetProperty("data").Clone();
}
