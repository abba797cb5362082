using System.Net;
using Fashen.Engine.Records;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Verification while the service writes: each run verifies the record as it stood when it began, plus what was
/// appended meanwhile, so a busy deployment gets a valid answer and an anchor to keep, never a false tamper alarm.</summary>
public sealed class VerificationUnderLoadTests
{
    [Fact]
    public async Task Verification_WhileTheServiceWrites_IsValidEveryTime_AndItsAnchorsHoldLater()
    {
        await using var app = FashenApp.Start();

        await VerifyUnderLoadAsync([app]);
    }

    /// <summary>Keeps writers busy at every instance (classifications and submissions), verifies the record at each in
    /// turn after more submissions have been acknowledged, and checks every anchor returned against a final verification.</summary>
    /// <param name="instances">The instances, all on one store.</param>
    internal static async Task VerifyUnderLoadAsync(IReadOnlyList<FashenApp> instances)
    {
        using var stop = new CancellationTokenSource();
        var submitted = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writers = Enumerable.Range(0, 2 * instances.Count).Select(w => Task.Run(async () =>
        {
            var client = instances[w % instances.Count].CaseSystem("scjg");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var decision = FoodFine($"桓市监罚〔2026〕{w:00}{n:00000}号");
                var (status, body) = n % 2 == 0 ? await Post(client, "/v1/classifications", decision) : await Post(client, "/v1/reviews", Submission(decision));
                if (status is not (HttpStatusCode.OK or HttpStatusCode.Created))
                {
                    failures.Enqueue(body.ToString());
                }
                else if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref submitted);
                }
            }
        })).ToList();

        var anchors = new List<ChainAnchor>();
        try
        {
            for (var round = 0; round < 3 * instances.Count; round++)
            {
                // More submissions acknowledged since the last verification: each one verifies a longer record than the last.
                var before = Volatile.Read(ref submitted);
                while (Volatile.Read(ref submitted) < before + 3 && failures.IsEmpty)
                {
                    await Task.Delay(10);
                }

                var admin = await instances[round % instances.Count].PersonAsync("admin");
                var (status, record) = await Get(admin, "/v1/record/verification");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());
                Assert.True(ChainAnchor.TryParse(record.GetProperty("anchor").GetString()!, out var anchor), record.ToString());
                Assert.Equal(record.GetProperty("entriesVerified").GetInt64(), anchor.Sequence);
                anchors.Add(anchor);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.Empty(failures);
        Assert.Equal(anchors.Count, anchors.Select(a => a.Sequence).Distinct().Count());
        Assert.Equal(anchors.Select(a => a.Sequence).Order(), anchors.Select(a => a.Sequence));

        // Every anchor handed out while the service wrote holds against the record as it is now.
        var query = string.Join("&", anchors.Select(a => "anchor=" + Uri.EscapeDataString(a.ToString())));
        var (_, final) = await Get(await instances[0].PersonAsync("admin"), "/v1/record/verification?" + query);
        Assert.True(final.GetProperty("valid").GetBoolean(), final.ToString());
    }
}
