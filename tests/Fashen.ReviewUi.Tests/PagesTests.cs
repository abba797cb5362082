using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The pages beside the review itself: the head's extensions, the catalogue browser and statistics.</summary>
[Collection(BrowserCollection.Name)]
public class PagesTests(Browser browser)
{
    [Fact]
    public async Task Extension_RequestedByTheReviewer_ApprovedByTheHead_MovesTheDueDate()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await reviewer.GotoAsync($"/reviews/{id}");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await reviewer.GetByText("申请延长审核时限").ClickAsync();
        await reviewer.GetByLabel("延期理由").FillAsync("需补充调取外省检验报告。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" }).ClickAsync();
        await Expect(reviewer.Locator("#deadline")).ToContainTextAsync("等待负责人批准");

        var head = await Ui.SignInAsync(browser, app, "sun.head");
        await head.GetByRole(AriaRole.Link, new() { Name = "延期审批" }).ClickAsync();
        var card = head.Locator("section.card", new() { HasText = "桓市监罚〔2026〕001号" });
        await Expect(card).ToContainTextAsync("需补充调取外省检验报告");

        // Refusing needs a reason, shown beside the field.
        await Ui.Radio(head, "不同意延期").CheckAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(head.Locator(".field-error").Filter(new() { HasText = "不同意延长的理由不能为空" })).ToBeVisibleAsync();

        await Ui.Radio(head, "同意延期").CheckAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(head.Locator(".flash")).ToContainTextAsync("已同意延期");

        await reviewer.ReloadAsync();
        await Expect(reviewer.Locator("#deadline")).ToContainTextAsync("已延长 3 个工作日");
        await Expect(reviewer.Locator("#deadline")).ToContainTextAsync("2026-03-16");
    }

    [Fact]
    public async Task ExtensionsPage_IsForHeadsOnly()
    {
        await using var app = FashenApp.Start();
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");

        var response = await reviewer.GotoAsync("/extensions");

        Assert.Equal(403, response!.Status);
        await Expect(reviewer.Locator("main")).ToContainTextAsync("须由负责人办理");
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "延期审批" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CatalogueBrowser_ShowsEveryRuleInWords()
    {
        await using var app = FashenApp.Start();
        var page = await Ui.SignInAsync(browser, app, "li.min");

        await page.GetByRole(AriaRole.Link, new() { Name = "目录清单" }).ClickAsync();
        await Expect(page.Locator(".cards li")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Link, new() { Name = "桓台县市场监督管理局" }).ClickAsync();

        var rule = page.Locator("#rule-SC-P-04");
        await Expect(rule).ToContainTextAsync("所属领域为食品药品特种设备（食品安全、药品监管、特种设备），且当事人类型为单位（法人、非法人组织），且罚款金额在5万元以上（食药特单位罚款档，含本数）");
        await Expect(rule).ToContainTextAsync("《中华人民共和国食品安全法》");
        await Expect(page.Locator("#rule-SC-C-01")).ToContainTextAsync("审核时限：5 个工作日");
        await Expect(page.Locator("#rule-SC-G-01")).ToContainTextAsync("同意前须听取法律顾问意见");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(">=");
    }

    [Fact]
    public async Task Statistics_CountFromTheRecord_PerDepartmentAndMonth()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var reviewer = await app.PersonAsync("li.min");

        // Three cases classified in March: two major and submitted, one minor.
        await Post(caseSystem, "/v1/classifications", FoodFine("桓市监罚〔2026〕010号", fine: 20000));
        var approved = await CompleteChecklistAsync(reviewer, await SubmitAcceptedAsync(app, "桓市监罚〔2026〕011号"));
        var rejected = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕012号");

        // Decided two working days later: on time, 2 working days each.
        app.Clock.Advance(TimeSpan.FromDays(2));
        reviewer = await app.PersonAsync("li.min");
        var (status, _) = await Post(reviewer, $"/v1/reviews/{approved.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = approved.Version(), ["outcome"] = "approve" });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var (_, taken) = await Post(reviewer, $"/v1/reviews/{rejected.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = rejected.Version() });
        (status, _) = await Post(reviewer, $"/v1/reviews/{rejected.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = taken.Version(), ["outcome"] = "reject", ["reason"] = "事实不清。" });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);

        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GetByRole(AriaRole.Link, new() { Name = "数据统计" }).ClickAsync();
        var march = page.Locator("section.statistics", new() { HasText = "桓台县市场监督管理局" }).Locator("tbody tr").First;
        await Expect(march.Locator("th")).ToHaveTextAsync("3 月");
        Assert.Equal(["3", "66.7%", "2", "2", "100%", "2", "1", "0", "1", "0"], await march.Locator("td").AllInnerTextsAsync());
        await Expect(page.Locator("svg.chart").First).ToHaveAttributeAsync("role", "img");
    }
}
