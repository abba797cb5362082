using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The legal office's publication pages: the queue, the original beside the masked text, approval with a correction
/// typed in the page, and withdrawal with its grounds; axe finds nothing serious on them.</summary>
[Collection(BrowserCollection.Name)]
public class PublicationPageTests(Browser browser)
{
    [Fact]
    public async Task TheLegalOffice_ChecksTheMaskedTextBesideTheOriginal_ApprovesAndWithdrawsIt()
    {
        await using var app = FashenApp.Start();
        var report = await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕501号");
        var page = await Ui.SignInAsync(browser, app, "li.min");

        await page.GotoAsync("/publications");
        var row = page.Locator("table.queue tbody tr", new() { HasText = "桓市监罚决〔2026〕501号" });
        await Expect(row).ToContainTextAsync("张某某");
        await Expect(row).ToContainTextAsync("2026-03-11");
        var failures = await Ui.AxeViolationsAsync(page, "公开审核队列");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var compare = page.Locator("table.compare");
        await Expect(compare.Locator("tr", new() { HasText = "执法对象" })).ToContainTextAsync("张三");
        await Expect(compare.Locator("tr", new() { HasText = "执法对象" })).ToContainTextAsync("张某某");
        await Expect(compare).ToContainTextAsync("（身份证号码已隐去）");
        await Expect(page.Locator("#compare-title + p")).ToContainTextAsync("身份证号码");
        failures.AddRange(await Ui.AxeViolationsAsync(page, "公开信息"));

        // The conclusion is tidied before it goes out.
        await page.GetByLabel("执法结论").FillAsync("张某某销售过期食品，罚款2000元。");
        await page.GetByRole(AriaRole.Button, new() { Name = "审核通过并公开" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("已审核并公开");
        await Expect(page.Locator(".meta")).ToContainTextAsync("已公开");
        await Expect(compare).ToContainTextAsync("张某某销售过期食品，罚款2000元。");

        await page.GetByLabel("决定被撤销").CheckAsync();
        await page.GetByLabel("变更、撤销或确认的日期").FillAsync("2026-03-02");
        await page.GetByLabel("撤回理由（公开页面显示）").FillAsync("复议机关撤销了该处罚决定。");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回", Exact = true }).ClickAsync();
        await Expect(page.Locator("#withdrawal-title")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("复议机关撤销了该处罚决定。");

        var types = app.Store.ReadAll().Select(e => e.Type).ToList();
        Assert.Contains("publication.approved", types);
        Assert.Contains("publication.withdrawn", types);
        Assert.Equal(report.GetProperty("publicationId").GetString(), page.Url.Split('/')[^1]);
        Assert.Empty(failures);
    }
}
