using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The public site as anyone sees it, without signing in: the register of decisions searched by party and opened, and the
/// yearly figures with their charts once the year is over; axe finds nothing serious, on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public class PublicSiteTests(Browser browser)
{
    [Fact]
    public async Task TheRegisterAndTheYearlyFigures_AreReadableByAnyone()
    {
        await using var app = FashenApp.Start();
        var published = (await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕801号")).GetProperty("publicationId").GetString()!;
        await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕802号");
        await Post(await app.PersonAsync("li.min"), $"/v1/publications/{published}/approval", new JsonObject { ["version"] = 1 });
        var page = await browser.NewPageAsync(app);
        var failures = new List<string>();

        await page.GotoAsync("/public/decisions");
        await page.GetByLabel("文号或执法对象").FillAsync("张某某");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("桓市监罚决〔2026〕801号");
        failures.AddRange(await Ui.AxeViolationsAsync(page, "register"));
        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("张某某");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("370321199003074519");
        failures.AddRange(await Ui.AxeViolationsAsync(page, "decision"));

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        await page.GotoAsync("/public/figures");
        await page.GetByRole(AriaRole.Link, new() { Name = "2026 年度" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "桓台县市场监督管理局" })).ToBeVisibleAsync();
        await Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(3);
        await Expect(page.Locator("table.figures").First).ToContainTextAsync("报告作出的决定");
        failures.AddRange(await Ui.AxeViolationsAsync(page, "figures"));

        await page.SetViewportSizeAsync(375, 740);
        var sideways = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(sideways, "the yearly figures scroll sideways at 375 px");
        Assert.Empty(failures);
    }
}
