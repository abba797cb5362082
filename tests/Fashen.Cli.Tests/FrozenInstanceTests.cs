using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Fashen.Cli.Tests;

/// <summary>Two <c>fashen serve</c> processes on one PostgreSQL database; one is paused (SIGSTOP) under load while its
/// session holds the record's lock, idle inside a write's transaction. The other instance's writes wait at most the lock
/// timeout and are answered 503 FS6015 with Retry-After, its readiness says it cannot write, and once the database has
/// ended the paused session (the idle-in-transaction timeout) it writes again while the first is still paused. Resumed,
/// the first writes again too, and the record verifies.</summary>
public sealed class FrozenInstanceTests : IDisposable
{
    private const string FrozenName = "fashen-frozen";

    private readonly string _data = Directory.CreateTempSubdirectory("fashen-frozen-").FullName;
    private readonly string _schema = TestPostgreSql.NewSchema();

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        TestPostgreSql.Drop(_schema);
    }

    [Fact]
    public async Task OneInstancePausedHoldingTheRecordsLock_DoesNotStopTheOther()
    {
        using var frozen = await ServiceProcess.StartAsync(_data, Settings(FrozenName));
        using var other = await ServiceProcess.StartAsync(_data, Settings("fashen-other"));
        using var frozenClient = Client(frozen, TimeSpan.FromMinutes(2));
        using var otherClient = Client(other, TimeSpan.FromSeconds(30));   // far above the lock timeout; a hang fails the test

        // Load at the instance to be paused, so that it often holds the record's lock.
        var loadAnswers = new ConcurrentQueue<HttpStatusCode>();
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, _, _) = await SubmitAsync(frozenClient, $"桓市监罚〔2026〕{Interlocked.Increment(ref sent):00000}号");
                loadAnswers.Enqueue(status);
            }
        })).ToList();

        // Paused again and again until it is caught holding the lock: its session idle inside a write's transaction, and still
        // the same transaction a moment later (a commit already on its way when the process stopped would end it at once).
        var caught = false;
        for (var attempt = 0; attempt < 300 && !caught; attempt++)
        {
            await Task.Delay(10);
            frozen.Pause();
            var idle = IdleTransactions(FrozenName);
            if (idle.Count > 0)
            {
                await Task.Delay(500);
                caught = IdleTransactions(FrozenName).SetEquals(idle);
            }

            if (!caught)
            {
                frozen.Resume();
            }
        }

        Assert.True(caught, $"The loaded instance was never caught inside a write's transaction ({loadAnswers.Count} writes answered).");

        // The other instance: a write waits for the lock no longer than the lock timeout and is answered retryable; readiness
        // says the instance cannot write.
        var (refused, body, retryAfter) = await SubmitAsync(otherClient, "桓市监罚〔2026〕90001号");
        Assert.True(refused == HttpStatusCode.ServiceUnavailable, $"{(int)refused} {body}");
        Assert.Equal("FS6015", body.GetProperty("code").GetString());
        Assert.NotNull(retryAfter);
        using (var ready = await otherClient.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // The database ends the paused session after the idle-in-transaction timeout, and its lock with it: the same write,
        // retried with its key, is written while the first instance is still paused.
        var written = false;
        for (var attempt = 0; attempt < 60 && !written; attempt++)
        {
            await Task.Delay(500);
            var (status, retried, _) = await SubmitAsync(otherClient, "桓市监罚〔2026〕90001号");
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{(int)status} {retried}");
            written = status == HttpStatusCode.Created;
        }

        Assert.True(written, "The other instance could not write again while the first stayed paused.\n" + other.Output);
        Assert.Empty(IdleTransactions(FrozenName));
        using (var ready = await otherClient.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // Resumed, the paused instance finds its session gone: its interrupted writes are answered (written, or 503 retryable)
        // and it writes again.
        frozen.Resume();
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.All(loadAnswers, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, status.ToString()));
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(frozenClient, "桓市监罚〔2026〕90002号")).Status);

        var environment = Settings(FrozenName).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        var (exit, output, error) = Fashen.RunWith(environment, "audit", "verify", "--data", _data);
        Assert.True(exit == 0, output + error);
    }

    // Short bounds, so the test is quick and the lock wait ends before the idle bound frees the lock (the defaults, 15 s
    // for the lock and 10 s idle in a transaction, argued in FashenOptions, let a queued write through instead).
    private Dictionary<string, string> Settings(string applicationName) => new()
    {
        ["Fashen:RequestBurst"] = "1000000",
        ["Fashen:RequestsPerSecond"] = "1000000",
        ["Fashen:Store"] = "PostgreSql",
        ["Fashen:PostgreSql"] = TestPostgreSql.ConnectionString + ";Application Name=" + applicationName,
        ["Fashen:PostgreSqlSchema"] = _schema,
        ["Fashen:PostgreSqlLockTimeout"] = "00:00:01",
        ["Fashen:PostgreSqlIdleInTransactionTimeout"] = "00:00:08",
    };

    // The transactions of an instance's sessions that sit idle inside them: each session's process id and when its
    // transaction began.
    private static HashSet<(int Pid, DateTime Start)> IdleTransactions(string applicationName)
    {
        using var connection = new Npgsql.NpgsqlConnection(TestPostgreSql.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            "SELECT pid, xact_start FROM pg_stat_activity WHERE application_name = @name AND state = 'idle in transaction'", connection);
        command.Parameters.AddWithValue("name", applicationName);
        using var reader = command.ExecuteReader();
        var idle = new HashSet<(int, DateTime)>();
        while (reader.Read())
        {
            idle.Add((reader.GetInt32(0), reader.GetDateTime(1)));
        }

        return idle;
    }

    private HttpClient Client(ServiceProcess service, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = service.Address, Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.ScjgKey(_data));
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? RetryAfter)> SubmitAsync(HttpClient client, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews");
        request.Headers.Add("Idempotency-Key", "frozen-" + string.Concat(caseId.Where(char.IsAsciiDigit)));
        request.Content = new StringContent(CrashRecoveryTests.Submission(caseId), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone(), response.Headers.RetryAfter?.ToString());
    }
}
