using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The supervisor's pages: each section lists what happened across departments — a review overdue, a major decision issued
/// without a permit, a decision dressed as 简易程序, a publication overdue, a withdrawal late — links to the record, exports the same
/// rows as a spreadsheet, and offers no action; axe finds nothing serious on them.</summary>
[Collection(BrowserCollection.Name)]
public class SupervisionPageTests(Browser browser)
{
    [Fact]
    public async Task TheSupervisor_SeesEachKindOfProblem_FollowsItToTheRecord_AndExportsIt()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕701号");
        var scjg = app.CaseSystem("scjg");
        var document = await UploadAsync(scjg, SampleFiles.Pdf("decision 702"));
        await Post(scjg, "/v1/issued-decisions", IssuedReport(FoodFine("桓市监罚〔2026〕702号"), null, document));
        var simple = FoodFine("桓市监罚〔2026〕703号");
        simple["procedure"] = "简易程序";
        await Post(scjg, "/v1/classifications", simple);
        var pending = (await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕704号")).GetProperty("publicationId").GetString()!;
        var withdrawn = (await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕705号")).GetProperty("publicationId").GetString()!;
        var reviewer = await app.PersonAsync("li.min");
        var (_, approved) = await Post(reviewer, $"/v1/publications/{withdrawn}/approval", new JsonObject { ["version"] = 1 });
        app.Clock.Advance(TimeSpan.FromDays(40));
        reviewer = await app.PersonAsync("li.min");
        await Post(reviewer, $"/v1/publications/{withdrawn}/withdrawal", new JsonObject
        {
            ["version"] = approved.Version(), ["grounds"] = "撤销", ["changedOn"] = "2026-03-20", ["reason"] = "复议机关撤销了该处罚决定。",
        });
        await app.RecordedAsync();

        var page = await Ui.SignInAsync(browser, app, "jiang.jd");
        await page.GetByRole(AriaRole.Link, new() { Name = "执法监督" }).ClickAsync();
        var failures = new List<string>();
        var expected = new Dictionary<string, string>
        {
            ["reviews"] = "桓市监罚〔2026〕701号",
            ["findings"] = "桓市监罚〔2026〕702号",
            ["relabelling"] = "桓市监罚〔2026〕703号",
            ["publications"] = "桓市监罚决〔2026〕704号",
            ["evasion"] = "阈值下方聚集",
            ["coverage"] = "近十二个月没有命中的条目",
        };
        foreach (var (section, text) in expected)
        {
            await page.GotoAsync($"/supervision/{section}");
            await Expect(page.Locator("main")).ToContainTextAsync(text);
            failures.AddRange(await Ui.AxeViolationsAsync(page, section));
        }

        await page.GotoAsync("/supervision/publications");
        await Expect(page.Locator("main")).ToContainTextAsync("超过三日撤回");
        await Expect(page.Locator($"a[href='/publications/{pending}']")).ToBeVisibleAsync();

        // A finding leads to its entry in the record.
        await page.GotoAsync("/supervision/findings");
        await page.Locator("table.queue a", new() { HasText = "第 " }).First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("未经许可作出决定");
        await Expect(page.Locator("main")).ToContainTextAsync("按目录清单属于重大执法决定，未经法制审核");
        failures.AddRange(await Ui.AxeViolationsAsync(page, "entry"));

        // The export holds the same rows as the page.
        await page.GotoAsync("/supervision/findings");
        var rows = await page.Locator("table.queue tbody tr").CountAsync();
        var export = await page.APIRequest.GetAsync("/supervision/findings?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Headers["content-type"]);
        using var sheet = new MemoryStream(await export.BodyAsync());
        var cells = MiniExcel.Query(sheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(rows, cells.Count - 2);
        Assert.Contains(cells, c => c.Values.Any(v => v?.ToString()?.Contains("桓市监罚〔2026〕702号", StringComparison.Ordinal) == true));

        // Reading is all: the review opens without a single action.
        await page.GotoAsync($"/reviews/{review.GetProperty("id").GetString()}");
        await Expect(page.Locator("main")).ToContainTextAsync("桓市监罚〔2026〕701号");
        Assert.Equal([], await page.Locator("main form button:enabled").AllInnerTextsAsync());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task SomeoneElse_IsRefusedTheSupervisorsPages()
    {
        await using var app = FashenApp.Start();
        var page = await Ui.SignInAsync(browser, app, "li.min");

        var response = await page.GotoAsync("/supervision/findings");

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("执法监督人员");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "执法监督" }).CountAsync());
    }
}
