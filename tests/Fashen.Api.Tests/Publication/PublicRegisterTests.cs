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

    [Fact]
    public async Task TheRegister_ListsTheNewestPublishedFirst_FiftyAPage_AndFiltersBeforePaging_AcrossARestart()
    {
        var scjg = _app.CaseSystem("scjg");
        var document = await UploadAsync(scjg, SampleFiles.Pdf("register paging"));
        for (var n = 1; n <= 55; n++)
        {
            var body = IssuedReport(FoodFine($"桓市监罚〔2026〕9{n:D2}号", 2000), null, document);
            body["decidedOn"] = new DateOnly(2026, 3, 1).AddDays(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var (status, report) = await Post(scjg, "/v1/issued-decisions", body);
            Assert.True(status == HttpStatusCode.Created, report.ToString());
            await Post(await _app.PersonAsync("li.min"), $"/v1/publications/{report.GetProperty("publicationId").GetString()}/approval", new JsonObject { ["version"] = 1 });
            _app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var anyone = _app.Anonymous();
        var first = await anyone.GetStringAsync("/public/decisions");
        var second = await anyone.GetStringAsync("/public/decisions?page=2");
        var days = await anyone.GetStringAsync("/public/decisions?from=2026-04-11&to=2026-04-15");

        Assert.Equal(50, first.Split("<tr><td>").Length - 1);
        Assert.True(first.IndexOf("955号", StringComparison.Ordinal) < first.IndexOf("954号", StringComparison.Ordinal));
        Assert.Contains("955号", first, StringComparison.Ordinal);
        Assert.DoesNotContain("901号", first, StringComparison.Ordinal);
        Assert.Contains("page=2", first, StringComparison.Ordinal);
        Assert.Equal(5, second.Split("<tr><td>").Length - 1);
        Assert.Contains("901号", second, StringComparison.Ordinal);
        Assert.Equal(5, days.Split("<tr><td>").Length - 1);
        Assert.Contains("941号", days, StringComparison.Ordinal);
        Assert.Contains("945号", days, StringComparison.Ordinal);

        // After a restart the lists are read afresh from the store: the same pages.
        _app = await _app.RestartAsync();
        Assert.Equal(first, await _app.Anonymous().GetStringAsync("/public/decisions"));
        Assert.Equal(second, await _app.Anonymous().GetStringAsync("/public/decisions?page=2"));
    }
}
