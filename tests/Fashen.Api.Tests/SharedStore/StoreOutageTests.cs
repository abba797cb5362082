using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.SharedStore;

/// <summary>Two instances on one PostgreSQL database that goes away and comes back (cut at a relay between them, so the
/// tests' shared server keeps running): a write during the outage is answered 503 with Retry-After and FS6015, "may or
/// may not have been written", never 500; its retry with the same Idempotency-Key completes exactly once; and the
/// connections the pool kept from before the outage are replaced without failing a request.</summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private readonly PostgreSqlProxy _proxy = new();
    private FashenApp _first = null!;
    private FashenApp _second = null!;

    public Task InitializeAsync()
    {
        _first = FashenApp.StartOnPostgreSql(new Dictionary<string, string> { ["Fashen:PostgreSql"] = _proxy.ConnectionString });
        _second = _first.StartAnotherInstance();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _proxy.Restore();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        _proxy.Dispose();
    }

    [Fact]
    public async Task Outage_DuringSubmissionsAtBothInstances_IsAnsweredRetryable_AndEachRetryCompletesOnce()
    {
        var answered = new ConcurrentDictionary<string, string>();   // case id → review id
        var unavailable = new ConcurrentQueue<string>();             // case ids answered 503
        var wrong = new ConcurrentQueue<string>();
        var sent = 0;
        using var outageOver = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var client = (w % 2 == 0 ? _first : _second).CaseSystem("scjg");
            while (!outageOver.IsCancellationRequested || Volatile.Read(ref sent) < 40)
            {
                var caseId = $"桓市监罚〔2026〕{Interlocked.Increment(ref sent):00000}号";
                var (status, body, retryAfter) = await SubmitAsync(client, caseId);
                if (status is HttpStatusCode.Created)
                {
                    answered[caseId] = body.GetProperty("id").GetString()!;
                }
                else if (status == HttpStatusCode.ServiceUnavailable && body.Code() == "FS6015" && retryAfter is not null)
                {
                    unavailable.Enqueue(caseId);
                }
                else
                {
                    wrong.Enqueue($"{caseId}: {(int)status} {body}");
                }
            }
        })).ToList();

        // The database goes away while both instances write, and comes back once writes have been refused for it.
        for (var waited = 0; answered.Count < 10 && wrong.IsEmpty; waited++)
        {
            Assert.True(waited < 6000, $"no submission answered before the outage: {unavailable.Count} refused");
            await Task.Delay(10);
        }

        Assert.Empty(wrong);

        _proxy.Cut();
        for (var waited = 0; unavailable.Count < 4 && waited < 500; waited++)
        {
            await Task.Delay(10);
        }

        await Task.Delay(500);
        _proxy.Restore();
        await outageOver.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(wrong);
        Assert.NotEmpty(unavailable);

        // Each refused submission, sent again with its key at the other instance: created now, or found as written.
        foreach (var caseId in unavailable)
        {
            var (status, body, _) = await SubmitAsync(_second.CaseSystem("scjg"), caseId);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{caseId}: {(int)status} {body}");
            answered[caseId] = body.GetProperty("id").GetString()!;
        }

        // One review per case, the one answered; the record unbroken.
        var submitted = _first.Store.ReadAll().Where(e => e.Type == "review.submitted").ToList();
        Assert.Equal(answered.Count, submitted.Count);
        Assert.Equal(answered.Values.Order(StringComparer.Ordinal), submitted.Select(e => e.ReviewId!).Order(StringComparer.Ordinal));
        var (_, verification) = await Get(await _first.PersonAsync("admin"), "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task PooledConnections_FromBeforeTheDatabaseRestarted_AreReplacedWithoutFailingARequest()
    {
        // Both instances' pools hold connections; the database restarts (every connection closed), and is back at once.
        foreach (var app in new[] { _first, _second })
        {
            Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(app.CaseSystem("scjg"), $"桓市监罚〔2026〕{app.GetHashCode():x}号")).Status);
        }

        _proxy.Cut();
        _proxy.Restore();

        // The first request at each instance, a write and a read, succeeds: the pool's dead connections are found, dropped, and
        // the request run again on a new one.
        var n = 0;
        foreach (var app in new[] { _first, _second })
        {
            var (status, body, _) = await SubmitAsync(app.CaseSystem("scjg"), $"桓市监罚〔2026〕9{n++}号");
            Assert.True(status == HttpStatusCode.Created, body.ToString());
            var (read, _) = await Get(app.CaseSystem("scjg"), $"/v1/reviews/{body.GetProperty("id").GetString()}");
            Assert.Equal(HttpStatusCode.OK, read);
        }

        Assert.Empty(_first.ErrorLog.Errors.Concat(_second.ErrorLog.Errors));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? RetryAfter)> SubmitAsync(HttpClient client, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews")
        {
            Content = new StringContent(Submission(FoodFine(caseId)).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "submit-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(caseId)))[..24]);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.RetryAfter?.ToString());
    }
}
