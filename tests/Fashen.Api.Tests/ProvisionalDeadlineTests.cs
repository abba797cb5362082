using System.Net;
using System.Text.Json;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>A deadline that reaches into a year whose holiday arrangement is not loaded is computed from the statutory holidays
/// and shown as provisional (暂定); loading the arrangement computes it again and records the change.</summary>
public sealed class ProvisionalDeadlineTests : IDisposable
{
    // A made-up 2027 arrangement for the test (the real one is published by the State Council): 4 January is a rest day.
    private const string Arrangement2027 = """

          2027:
            source: 测试用的2027年放假安排（非官方）
            rest_days: [2027-01-01, 2027-01-04]
            makeup_workdays: []
        """;

    private readonly SampleCopy _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task DeadlineInto2027_IsProvisional_ThenRecomputedAndRecordedWhenTheArrangementIsLoaded()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(8)));
        var decision = FoodFine("桓市监罚〔2026〕901号");
        decision["proposedOn"] = "2026-12-24";

        var (status, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(decision));
        Assert.Equal(HttpStatusCode.Created, status);

        // 7 working days from 24 December: 25, 28, 29, 30, 31 December, then 1 January 2027 (statutory), 4 and 5 January.
        var deadline = review.GetProperty("deadline");
        Assert.Equal("2027-01-05", deadline.GetProperty("dueDate").GetString());
        Assert.Contains("暂定", deadline.GetProperty("dueProvisionalReason").GetString(), StringComparison.Ordinal);
        var id = review.GetProperty("id").GetString()!;

        File.AppendAllText(Path.Combine(_samples.Root, "holidays.yaml"), Arrangement2027.Replace("\r\n", "\n", StringComparison.Ordinal));
        var (reloaded, _) = await Post(await app.PersonAsync("admin"), "/v1/catalogues/reload");
        Assert.Equal(HttpStatusCode.OK, reloaded);

        var (_, after) = await Get(app.CaseSystem("scjg"), $"/v1/reviews/{id}");
        var recomputed = after.GetProperty("deadline");
        Assert.Equal("2027-01-06", recomputed.GetProperty("dueDate").GetString());
        Assert.Equal(JsonValueKind.Null, recomputed.GetProperty("dueProvisionalReason").ValueKind);

        var entry = Assert.Single(app.Store.ReviewEntries(id), e => e.Type == "review.deadline_recomputed");
        Assert.Equal("fashen", entry.Actor.Id);
        Assert.Contains("\"dueDate\":\"2027-01-06\"", entry.Data, StringComparison.Ordinal);
        Assert.Contains("\"previousDueDate\":\"2027-01-05\"", entry.Data, StringComparison.Ordinal);

        // Loading again changes nothing more.
        await Post(await app.PersonAsync("admin"), "/v1/catalogues/reload");
        Assert.Single(app.Store.ReviewEntries(id), e => e.Type == "review.deadline_recomputed");
    }
}
