using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Fashen.Store;

namespace Fashen.Cli.Tests;

/// <summary>Kills <c>fashen serve</c> (SIGKILL) again and again in the middle of a load of submissions, classifications
/// and issuances. After each kill every acknowledged submission and permit is there, every classification acknowledged more
/// than a second before the kill is in the record (classifications are recorded after their answers, within a fraction of a
/// second), a submission whose answer was lost completes exactly once when the case system retries it with the same
/// Idempotency-Key, and the record chain verifies.</summary>
/// <remarks>On both stores: the LiteDB file, and PostgreSQL (the service is killed, the database is not).
/// Cycles: FASHEN_CRASH_CYCLES (default 4; scripts/crash-test.sh runs more).</remarks>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly Dictionary<string, string> Unlimited = new() { ["Fashen:RequestBurst"] = "1000000", ["Fashen:RequestsPerSecond"] = "1000000" };
    private readonly string _data = Directory.CreateTempSubdirectory("fashen-crash-").FullName;

    private string? _schema;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        if (_schema is not null)
        {
            TestPostgreSql.Drop(_schema);
        }
    }

    [Theory]
    [InlineData("LiteDb")]
    [InlineData("PostgreSql")]
    public async Task KilledDuringSubmissions_LosesNothingAcknowledged_AndTheRecordVerifies(string store)
    {
        var settings = new Dictionary<string, string>(Unlimited);
        if (store == "PostgreSql")
        {
            _schema = TestPostgreSql.NewSchema();
            settings["Fashen:Store"] = "PostgreSql";
            settings["Fashen:PostgreSql"] = TestPostgreSql.ConnectionString;
            settings["Fashen:PostgreSqlSchema"] = _schema;
        }

        var cycles = int.TryParse(Environment.GetEnvironmentVariable("FASHEN_CRASH_CYCLES"), out var n) ? n : 4;
        var acknowledged = new ConcurrentDictionary<string, string>();   // case id → review id
        var unanswered = new ConcurrentDictionary<string, bool>();      // case ids sent with no answer
        var classified = new ConcurrentDictionary<string, DateTimeOffset>();   // case id → when its classification was answered
        var permits = new ConcurrentDictionary<string, string>();       // permit id → case id
        var lostClassifications = 0;
        var random = new Random(20261129);
        var sent = 0;
        for (var cycle = 0; cycle <= cycles; cycle++)
        {
            // The load and the checks are one caller: its request budget must not be what is tested here.
            using var server = await ServiceProcess.StartAsync(_data, settings);
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.ScjgKey(_data));

            // Everything acknowledged before the last kill is there, as acknowledged.
            foreach (var (caseId, reviewId) in acknowledged)
            {
                var response = await client.GetAsync($"/v1/reviews/{reviewId}");
                Assert.True(
                    response.StatusCode == HttpStatusCode.OK,
                    $"Acknowledged review {reviewId} ({caseId}) is lost after restart {cycle}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{server.Output}");
                Assert.Contains(caseId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // A submission whose answer was lost is sent again with its key: it completes, once.
            foreach (var caseId in unanswered.Keys)
            {
                var (status, reviewId) = await SubmitAsync(client, caseId);
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"Retry of {caseId} answered {status}.");
                Assert.True(!acknowledged.TryGetValue(caseId, out var earlier) || earlier == reviewId);
                acknowledged[caseId] = reviewId!;
                unanswered.TryRemove(caseId, out _);
            }

            if (cycle == cycles)
            {
                break;
            }

            // Case-system workers submit, classify and ask for permits until the process is killed under them.
            using var stop = new CancellationTokenSource();
            var submitting = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var caseId = $"桓市监罚〔2026〕{Interlocked.Increment(ref sent):00000}号";
                    unanswered[caseId] = true;
                    try
                    {
                        var (status, reviewId) = await SubmitAsync(client, caseId);
                        Assert.True(status == HttpStatusCode.Created, $"{caseId}: {status}");
                        acknowledged[caseId] = reviewId!;
                        unanswered.TryRemove(caseId, out _);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // The server is gone; this submission's fate is unknown until retried.
                    }
                }
            }));
            var classifying = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var caseId = $"桓市监判〔2026〕{Interlocked.Increment(ref sent):00000}号";
                    try
                    {
                        using var response = await client.PostAsync("/v1/classifications", new StringContent(Decision(caseId, "6万元"), Encoding.UTF8, "application/json"));
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caseId}: {response.StatusCode}");
                        classified[caseId] = DateTimeOffset.UtcNow;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            }));
            var issuing = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var caseId = $"桓市监当罚〔2026〕{Interlocked.Increment(ref sent):00000}号";
                    try
                    {
                        var (status, permitId) = await IssueAsync(client, caseId);
                        Assert.True(status == HttpStatusCode.OK && permitId is not null, $"{caseId}: {status}");
                        permits[permitId!] = caseId;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            });
            var workers = submitting.Concat(classifying).Append(issuing).ToList();
            await Task.Delay(random.Next(400, 1500));
            var killedAt = DateTimeOffset.UtcNow;
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            // With the service dead, its store as it was left: every permit is kept, and every classification answered
            // more than a second before the kill is in the record.
            using var left = OpenStore(settings);
            var recorded = left.ReadAll().Where(e => e.Type == "decision.classified")
                .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("caseId").GetString()!).ToHashSet(StringComparer.Ordinal);
            foreach (var (caseId, answeredAt) in classified.Where(c => !recorded.Contains(c.Key)))
            {
                Assert.True(answeredAt > killedAt - TimeSpan.FromSeconds(1), $"Classification of {caseId}, answered {(killedAt - answeredAt).TotalMilliseconds:0} ms before the kill, is not in the record.");
                lostClassifications++;
                classified.TryRemove(caseId, out _);
            }

            foreach (var (permitId, caseId) in permits)
            {
                Assert.True(left.FindPermit(permitId) is { } permit && permit.Claims.CaseId == caseId, $"Permit {permitId} ({caseId}) is lost after kill {cycle}.");
            }
        }

        Assert.True(classified.Count > cycles * 5, $"Only {classified.Count} classifications were recorded in {cycles} cycles ({lostClassifications} lost in the last second before a kill).");
        Assert.True(permits.Count > cycles * 5, $"Only {permits.Count} permits were acknowledged in {cycles} cycles.");

        Assert.True(acknowledged.Count > cycles * 5, $"Only {acknowledged.Count} submissions were acknowledged in {cycles} cycles.");
        var (exit, output, error) = Fashen.RunWith(settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value), "audit", "verify", "--data", _data);
        Assert.True(exit == 0, output + error);
    }

    private static async Task<(HttpStatusCode Status, string? ReviewId)> SubmitAsync(HttpClient client, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews");
        request.Headers.Add("Idempotency-Key", "crash-" + string.Concat(caseId.Where(char.IsAsciiDigit)));
        request.Content = new StringContent(Submission(caseId), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }

        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("id").GetString());
    }

    private static async Task<(HttpStatusCode Status, string? PermitId)> IssueAsync(HttpClient client, string caseId)
    {
        using var response = await client.PostAsync("/v1/issuance", new StringContent($"{{\"decision\": {Decision(caseId, "1000元")}}}", Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("permit", out var permit) && permit.ValueKind == JsonValueKind.Object
            ? permit.GetProperty("id").GetString()
            : null);
    }

    // The store as the killed service left it, opened as `fashen audit verify` opens it.
    private IFashenStore OpenStore(Dictionary<string, string> settings) => settings.TryGetValue("Fashen:Store", out var kind) && kind == "PostgreSql"
        ? new Store.PostgreSql.PostgreSqlStore(TestPostgreSql.ConnectionString, _schema!)
        : new LiteDbStore(_data);

    private static string Decision(string caseId, string fine) => $$"""
        {
          "caseId": "{{caseId}}", "department": "scjg", "action": "行政处罚", "procedure": "一般程序", "proposedOn": "2026-11-27",
          "facts": { "当事人类型": "法人", "所属领域": "食品安全", "罚款金额": "{{fine}}", "没收金额": 0, "处罚种类": ["罚款"], "裁量调整": "无", "影响程度": "一般" }
        }
        """;

    internal static string Submission(string caseId) => $$"""
        {
          "decision": {
            "caseId": "{{caseId}}", "department": "scjg", "action": "行政处罚", "procedure": "一般程序", "proposedOn": "2026-11-27",
            "facts": { "当事人类型": "法人", "所属领域": "食品安全", "罚款金额": "6万元", "没收金额": 0, "处罚种类": ["罚款"], "裁量调整": "无", "影响程度": "一般" }
          },
          "materials": ["重大执法决定法制审核送审表", "案件调查终结报告（载明基本事实、适用依据、裁量基准执行情况、执法人员资格）", "拟作出的行政执法决定书（代拟稿）", "证据材料"],
          "submittedBy": "王强",
          "handledBy": ["王强", "刘洋"]
        }
        """;
}
