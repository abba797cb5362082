using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The queue: soonest due first, due marks, filters, search and paging.</summary>
[Collection(BrowserCollection.Name)]
public class QueueTests(Browser browser)
{
    [Fact]
    public async Task Queue_MarksOverdueAndDueSoon_AndFilters()
    {
        await using var app = FashenApp.Start();

        // Submitted Monday 2 March (due 11 March), Wednesday 4 March (due 13 March) and Monday 9 March (due 18 March).
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕001号");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕002号");
        app.Clock.Advance(TimeSpan.FromDays(5));
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕003号");
        var environment = FoodFine("桓环罚〔2026〕009号");
        environment["department"] = "sthj";
        environment["facts"] = new JsonObject { ["当事人类型"] = "法人", ["罚款金额"] = "30万元", ["没收金额"] = 0, ["处罚种类"] = new JsonArray("罚款"), ["涉嫌犯罪"] = false };
        await Post(app.CaseSystem("sthj"), "/v1/reviews", Submission(environment));

        // Thursday 12 March: the first is overdue, the second due the next working day.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var page = await Ui.SignInAsync(browser, app, "li.min");
        var rows = page.Locator("table.queue tbody tr");

        // The environment case lacks its department's materials: returned for them, it waits under 已办, not 待办.
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("桓市监罚〔2026〕001号");
        await Expect(rows.Nth(0)).ToContainTextAsync("已超期");
        await Expect(rows.Nth(0)).ToHaveClassAsync("due-overdue");
        await Expect(rows.Nth(1)).ToContainTextAsync("桓市监罚〔2026〕002号");
        await Expect(rows.Nth(1)).ToContainTextAsync("1 个工作日内到期");
        await Expect(rows.Nth(2)).ToContainTextAsync("未到期");

        await page.GetByLabel("期限").SelectOptionAsync("overdue");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("桓市监罚〔2026〕001号");

        await page.GotoAsync("/?department=sthj&tab=handled");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("桓环罚〔2026〕009号");
        await Expect(page.GetByLabel("部门")).ToHaveValueAsync("sthj");

        await page.GotoAsync("/");
        await page.GetByLabel("案件编号").FillAsync("002");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("桓市监罚〔2026〕002号");
    }

    [Fact]
    public async Task Queue_PagesThroughManyReviews_KeepingTheFilters()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        for (var n = 1; n <= 57; n++)
        {
            await Post(caseSystem, "/v1/reviews", Submission(FoodFine($"桓市监罚〔2026〕{n:000}号")));
        }

        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GotoAsync("/?action=penalty");
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator("table.queue caption")).ToContainTextAsync("共 57 件");

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(7);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=penalty"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "上一页" })).ToBeVisibleAsync();
    }
}
