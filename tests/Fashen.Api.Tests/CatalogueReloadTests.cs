using System.Net;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Catalogues change while the service runs: edited files are picked up, a broken edit is
/// refused and the previous catalogues keep serving, and both are in the record.</summary>
public sealed class CatalogueReloadTests : IDisposable
{
    private readonly SampleCopy _samples = new();

    private string Scjg => _samples.Catalogue("scjg.yaml");

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task EditedCatalogue_IsReloaded_AndTheReloadIsRecorded()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        var caseSystem = app.CaseSystem("scjg");
        var (_, before) = await Post(caseSystem, "/v1/classifications", FoodFine());
        Assert.Equal("major", before.GetProperty("classification").GetString());

        // The legal office raises the food, drug and equipment band from 5万元 to 8万元.
        File.WriteAllText(Scjg, SampleCopy.WithFoodBand(File.ReadAllText(Scjg), "8万元"));

        var after = await EventuallyAsync(caseSystem, r => r.GetProperty("catalogue").GetProperty("revision").GetString() != before.GetProperty("catalogue").GetProperty("revision").GetString());
        Assert.Equal("minor", after.GetProperty("classification").GetString());

        // The new catalogues answer as soon as they are swapped in; their entry is appended just after.
        for (var attempt = 0; attempt < 100 && !app.Store.ReadAll().Any(e => e.Type == "catalogues.loaded" && e.Sequence > 1); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(app.Store.ReadAll(), e => e.Type == "catalogues.loaded" && e.Actor.Id == "fashen" && e.Sequence > 1);
    }

    [Fact]
    public async Task BrokenEdit_IsRefused_AndThePreviousCataloguesKeepServing()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        var caseSystem = app.CaseSystem("scjg");
        var (_, before) = await Post(caseSystem, "/v1/classifications", FoodFine());

        File.WriteAllText(Scjg, File.ReadAllText(Scjg).Replace("食药特单位罚款档: 5万元", "食药特单位罚款档: 五万余", StringComparison.Ordinal));

        for (var attempt = 0; attempt < 100 && !app.Store.ReadAll().Any(e => e.Type == "catalogues.reload_refused"); attempt++)
        {
            await Task.Delay(100);
        }

        var refused = Assert.Single(app.Store.ReadAll(), e => e.Type == "catalogues.reload_refused");
        Assert.Contains("\"errors\":1", refused.Data, StringComparison.Ordinal);
        var (status, still) = await Post(caseSystem, "/v1/classifications", FoodFine());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("major", still.GetProperty("classification").GetString());
        Assert.Equal(before.GetProperty("catalogue").GetProperty("revision").GetString(), still.GetProperty("catalogue").GetProperty("revision").GetString());
    }

    [Fact]
    public async Task NewVersion_AddedBesideTheOld_ServesDecisionsFromItsDate()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        var caseSystem = app.CaseSystem("scjg");

        // A 2027 version: the food band drops to 3万元 from 1 January 2027.
        var next = File.ReadAllText(Scjg)
            .Replace("version: \"2026.1\"", "version: \"2027.1\"", StringComparison.Ordinal)
            .Replace("effective_from: 2026-01-01", "effective_from: 2027-01-01", StringComparison.Ordinal)
;
        next = SampleCopy.WithFoodBand(next, "3万元");
        File.WriteAllText(_samples.Catalogue("scjg-2027.yaml"), next);

        var in2027 = FoodFine(fine: 40000);
        in2027["proposedOn"] = "2027-01-04";
        var (_, answer) = await Post(caseSystem, "/v1/classifications", in2027);
        for (var attempt = 0; attempt < 100 && answer.GetProperty("catalogue").GetProperty("version").GetString() != "2027.1"; attempt++)
        {
            await Task.Delay(100);
            (_, answer) = await Post(caseSystem, "/v1/classifications", in2027);
        }

        Assert.Equal("2027.1", answer.GetProperty("catalogue").GetProperty("version").GetString());
        Assert.Equal("major", answer.GetProperty("classification").GetString());
        Assert.Equal("按拟作出决定日期 2027-01-04", answer.GetProperty("catalogue").GetProperty("chosenBy").GetString());
        var (_, in2026) = await Post(caseSystem, "/v1/classifications", FoodFine(fine: 40000));
        Assert.Equal("2026.1", in2026.GetProperty("catalogue").GetProperty("version").GetString());
        Assert.Equal("minor", in2026.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task Reload_WhileARequestHoldsTheOldSet_ThatRequestFinishesOnTheOldSet()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        var provider = app.Services.GetRequiredService<Fashen.Api.Catalogues.CatalogueProvider>();

        // What a request in flight holds: the set it started with.
        var inFlight = provider.Current;
        File.WriteAllText(Scjg, SampleCopy.WithFoodBand(File.ReadAllText(Scjg), "8万元"));
        var reload = provider.Reload();

        Assert.Equal(0, reload.Errors);
        Assert.NotSame(inFlight, provider.Current);
        Assert.Equal(50_000m, inFlight.InForce("scjg", new DateOnly(2026, 3, 2))!.Catalogue.Thresholds.Single(t => t.Name == "食药特单位罚款档").Value);
        Assert.Equal(80_000m, provider.Current.InForce("scjg", new DateOnly(2026, 3, 2))!.Catalogue.Thresholds.Single(t => t.Name == "食药特单位罚款档").Value);
    }

    [Fact]
    public async Task Reload_IsPublishedAtOnce_WithANewEntityTag()
    {
        await using var app = FashenApp.StartWatching(_samples.Catalogues);
        var provider = app.Services.GetRequiredService<Fashen.Api.Catalogues.CatalogueProvider>();
        var client = app.Anonymous();
        using var before = await client.GetAsync("/public/catalogues/scjg.json");
        var beforeText = await before.Content.ReadAsStringAsync();

        File.WriteAllText(Scjg, SampleCopy.WithFoodBand(File.ReadAllText(Scjg), "8万元"));
        Assert.Equal(0, provider.Reload().Errors);
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/public/catalogues/scjg.json");
        ask.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(ask);
        var afterText = await after.Content.ReadAsStringAsync();

        // The browser's copy is no longer current: it gets the new catalogue, under a new tag.
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("5万元", beforeText, StringComparison.Ordinal);
        Assert.Contains("8万元", afterText, StringComparison.Ordinal);
    }

    // Classifies the food fine until the answer shows the reload (or gives up after ten seconds).
    private static async Task<System.Text.Json.JsonElement> EventuallyAsync(HttpClient caseSystem, Func<System.Text.Json.JsonElement, bool> reloaded)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (_, answer) = await Post(caseSystem, "/v1/classifications", FoodFine());
            if (reloaded(answer))
            {
                return answer;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The catalogues were not reloaded within ten seconds.");
        return default;
    }
}
