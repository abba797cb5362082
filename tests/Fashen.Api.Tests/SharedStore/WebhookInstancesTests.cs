using System.Text.Json.Nodes;
using Fashen.Api.Tests.Notifications;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.SharedStore;

/// <summary>Two instances on one PostgreSQL database deliver webhooks as one: each event once, whichever instance recorded
/// it; and when the instance delivering stops, the other goes on.</summary>
public sealed class WebhookInstancesTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Fashen:WebhookAllowLoopbackHttp"] = "true",
        ["Fashen:WebhookPollInterval"] = "00:00:00.05",
    };

    private FashenApp _first = null!;
    private FashenApp _second = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _first = FashenApp.StartOnPostgreSql(Settings);
        _second = _first.StartAnotherInstance();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task EachEvent_IsDeliveredOnce_ByOneInstance_AndTheOtherTakesOverWhenItStops()
    {
        await Post(_first.CaseSystem("scjg"), "/v1/webhooks", new JsonObject { ["url"] = _receiver.Url });

        // Ten cases returned for 补正, half through each instance, while both deliver.
        await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            Post((i % 2 == 0 ? _first : _second).CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine($"桓市监罚〔2026〕{700 + i}号"), AllMaterials.SkipLast(1)))));
        await _receiver.WaitForAsync(r => r.Count >= 10, "ten review.returned events");
        await Task.Delay(500);
        Assert.Equal(10, _receiver.Received.Select(r => r.Headers["Fashen-Event-Id"]).Distinct().Count());
        Assert.Equal(10, _receiver.Received.Count);

        // Whichever instance led, the one left delivers what is recorded next.
        await _first.StopAsync();
        await Post(_second.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine("桓市监罚〔2026〕799号"), AllMaterials.SkipLast(1)));
        await _receiver.WaitForAsync(r => r.Count >= 11, "the event recorded after the first instance stopped");
    }
}
