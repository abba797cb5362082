using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Publication;

/// <summary>The public register shows only what the legal office approved: a party named with an ID number in the report
/// reaches no public page or feed; a decision pending review is not there; a withdrawn one shows its reason in its place.</summary>
public sealed class PublicRegisterTests : IAsyncLifetime
{
    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MaskedData_NeverReachesThePublicPagesOrFeeds()
    {
        var published = (await ReportNaturalPersonAsync(_app, "桓市监罚〔2026〕601号")).GetProperty("publicationId").GetString()!;
        var pending = (await ReportNaturalPersonAsync(_app, "桓市监罚〔2026〕602号")).GetProperty("publicationId").GetString()!;
        var withdrawn = (await ReportNaturalPersonAsync(_app, "桓市监罚〔2026〕603号")).GetProperty("publicationId").GetString()!;
        var reviewer = await _app.PersonAsync("li.min");
        await Post(reviewer, $"/v1/publications/{published}/approval", new JsonObject { ["version"] = 1 });
        var (_, approved) = await Post(reviewer, $"/v1/publications/{withdrawn}/approval", new JsonObject { ["version"] = 1 });
        await Post(reviewer, $"/v1/publications/{withdrawn}/withdrawal", new JsonObject
        {
            ["version"] = approved.GetProperty("version").GetInt64(), ["grounds"] = "撤销", ["changedOn"] = "2026-03-02", ["reason"] = "复议机关撤销了该处罚决定。",
        });

        var anyone = _app.Anonymous();
        var pages = new Dictionary<string, string>();
        foreach (var path in new[] { "/public/decisions", $"/public/decisions/{published}", $"/public/decisions/{withdrawn}", "/public/decisions.json", "/public/decisions.atom", "/public/decisions?q=张某某" })
        {
            using var response = await anyone.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
            pages[path] = await response.Content.ReadAsStringAsync();
        }

        foreach (var (path, text) in pages)
        {
            Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
            Assert.DoesNotContain("370321199003074519", text, StringComparison.Ordinal);
            Assert.DoesNotContain("桓市监罚决〔2026〕602号", text, StringComparison.Ordinal);   // pending review
            if (path != $"/public/decisions/{withdrawn}")
            {
                Assert.Contains("桓市监罚决〔2026〕601号", text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("张某某", pages[$"/public/decisions/{published}"], StringComparison.Ordinal);
        Assert.Contains("复议机关撤销了该处罚决定。", pages[$"/public/decisions/{withdrawn}"], StringComparison.Ordinal);
        Assert.DoesNotContain("销售过期食品", pages[$"/public/decisions/{withdrawn}"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/public/decisions/{pending}")).StatusCode);
        using var byRealName = await anyone.GetAsync("/public/decisions?q=张三");
        Assert.DoesNotContain("601号", await byRealName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADecision_LeavesThePublicSiteAfterTheDepartmentsPeriod_ButStaysInTheRecord()
    {
        var id = (await ReportNaturalPersonAsync(_app, "桓市监罚〔2026〕604号")).GetProperty("publicationId").GetString()!;
        await Post(await _app.PersonAsync("li.min"), $"/v1/publications/{id}/approval", new JsonObject { ["version"] = 1 });
        var anyone = _app.Anonymous();

        _app.Clock.Advance(TimeSpan.FromDays((365 * 3) - 10));   // within 36 months of 2 March 2026
        Assert.Contains("604号", await anyone.GetStringAsync("/public/decisions.json"), StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromDays(20));               // past 2 March 2029

        Assert.DoesNotContain("604号", await anyone.GetStringAsync("/public/decisions"), StringComparison.Ordinal);
        Assert.DoesNotContain("604号", await anyone.GetStringAsync("/public/decisions.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/public/decisions/{id}")).StatusCode);
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "publication.approved" && e.Data.Contains(id, StringComparison.Ordinal));
    }
}
