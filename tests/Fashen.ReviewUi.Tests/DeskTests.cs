using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The reviewer's desk as a legal office works it: the queue's tabs with their counts, the reviewer's own reviews
/// beside the office's, party and cause in the list, the list exported; giving a review back and handing it on; and the
/// pages on a phone's 375 px without sideways scrolling.</summary>
[Collection(BrowserCollection.Name)]
public class DeskTests(Browser browser)
{
    [Fact]
    public async Task Queue_TabsCountMineAndOffice_ListPartyAndCause_AndExportWhatIsFiltered()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var named = FoodFine("桓市监罚〔2026〕021号");
        named["party"] = "桓台县某某食品有限公司";
        named["cause"] = "销售不符合食品安全标准的食品";
        await Post(caseSystem, "/v1/reviews", Submission(named));
        var taken = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕022号");
        var approved = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕023号");
        var wangFang = await app.PersonAsync("wang.fang");
        await Post(wangFang, $"/v1/reviews/{taken.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = taken.Version() });
        var done = await CompleteChecklistAsync(wangFang, approved);
        await Post(wangFang, $"/v1/reviews/{approved.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = done.Version(), ["outcome"] = "approve" });

        var page = await Ui.SignInAsync(browser, app, "wang.fang");
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "审核分类" });
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "待办 2" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "已办 0" })).ToBeVisibleAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "办结 1" })).ToBeVisibleAsync();
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "桓市监罚〔2026〕021号" })).ToContainTextAsync("桓台县某某食品有限公司：销售不符合食品安全标准的食品");

        // At 1366 px a case number stays on one line (it wrapped over three).
        var lines = await page.Locator("table.queue tbody th.case-number a").First.EvaluateAsync<int>("a => a.getClientRects().length");
        Assert.Equal(1, lines);

        // Mine: only what 王芳 holds; the counts follow.
        await page.GetByRole(AriaRole.Link, new() { Name = "我负责的" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("桓市监罚〔2026〕022号");
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "待办 1" })).ToBeVisibleAsync();
        await tabs.GetByRole(AriaRole.Link, new() { Name = "办结 1" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("同意");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "我负责的" })).ToHaveAttributeAsync("aria-current", "page");

        // A case number typed with square brackets finds the one written with 〔〕; the filters survive a change of tab.
        await page.GotoAsync("/");
        await page.GetByLabel("案件编号").FillAsync("[2026]021");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "待办 1" })).ToBeVisibleAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "办结 0" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("q=%5B2026%5D021"));

        // The export holds the filtered list, with its party and cause.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "导出表格" }).GetAttributeAsync("href");
        var export = await page.APIRequest.GetAsync(href!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Headers["content-type"]);
        using var sheet = new MemoryStream(await export.BodyAsync());
        var cells = MiniExcel.Query(sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToList()).ToList();
        Assert.Contains("案件编号含“[2026]021”", cells[0][0], StringComparison.Ordinal);
        Assert.Equal(["桓市监罚〔2026〕021号", "桓台县某某食品有限公司", "销售不符合食品安全标准的食品"], cells[2].Take(3));
        Assert.Equal(3, cells.Count);

        Assert.Empty(await Ui.AxeViolationsAsync(page, "queue"));
    }

    [Fact]
    public async Task Review_IsGivenBackAndHandedOn_InThePage_WithTheReasonRecorded()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString()!;

        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GotoAsync($"/reviews/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await page.GetByText("退回领取或转交").ClickAsync();

        // No reason: refused beside the field, the choice kept.
        await page.GetByLabel("交给").SelectOptionAsync("wang.fang");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(page.Locator("#handover-error")).ToContainTextAsync("理由");
        await Expect(page.GetByLabel("交给")).ToHaveValueAsync("wang.fang");
        Assert.DoesNotContain("王强（wang.qiang）", await page.GetByLabel("交给").Locator("option").AllInnerTextsAsync());

        await page.GetByLabel("退回或转交的理由").FillAsync("本人与当事人有利害关系，回避。");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(page.Locator("p.flash")).ToContainTextAsync("已转交");
        await Expect(page.Locator(".review-head")).ToContainTextAsync("审核人员：王芳");
        await Expect(page.Locator("#history")).ToContainTextAsync("由 李敏 转交 王芳：本人与当事人有利害关系，回避。");
        await Expect(page.GetByText("退回领取或转交")).ToHaveCountAsync(0);

        // 王芳 gives it back; it waits to be taken again.
        var wang = await Ui.SignInAsync(browser, app, "wang.fang");
        await wang.GotoAsync($"/reviews/{id}");
        await wang.GetByText("退回领取或转交").ClickAsync();
        await wang.GetByLabel("交给").SelectOptionAsync(string.Empty);
        await wang.GetByLabel("退回或转交的理由").FillAsync("出差两周。");
        await wang.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(wang.Locator("p.flash")).ToContainTextAsync("已退回领取");
        await Expect(wang.Locator(".review-head")).ToContainTextAsync("审核人员：未领取");
        await Expect(wang.GetByRole(AriaRole.Button, new() { Name = "领取审核" })).ToBeVisibleAsync();
        Assert.Empty(await Ui.AxeViolationsAsync(wang, "review after give-back"));
    }

    [Fact]
    public async Task Pages_OnAPhone_DoNotScrollSideways()
    {
        await using var app = FashenApp.Start();
        var named = FoodFine("桓市监罚〔2026〕031号");
        named["party"] = "桓台县某某食品有限公司（统一社会信用代码 91370321MA3C000000）";
        named["cause"] = "销售不符合食品安全标准的食品";
        var (_, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(named));
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕032号");

        var failures = new List<string>();
        foreach (var (who, paths) in new[]
        {
            ("li.min", new[] { "/", "/?tab=concluded", $"/reviews/{review.GetProperty("id").GetString()}", "/statistics", "/extensions" }),
            ("jiang.jd", new[] { "/supervision", "/publications" }),
        })
        {
            var page = await Ui.SignInAsync(browser, app, who, width: 375);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                if (await Ui.SidewaysOverflowAsync(page) is > 0 and var overflow)
                {
                    failures.Add($"{path} ({who}): {overflow} px past the edge");
                    await Ui.ScreenshotAsync(page, "narrow-" + path.Trim('/').Replace('/', '-').Replace('?', '-'));
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task FailedFormCheck_ShowsAChinesePage_KeepingWhatWasTyped_AndSendsItAgain()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GotoAsync($"/reviews/{review.GetProperty("id").GetString()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await Ui.Radio(page, "纠正（退回案件承办机构纠正后重新报送）").CheckAsync();
        const string reasoning = "罚款金额的裁量理由未说明，应按裁量基准写明从轻情节并附证据。";
        await page.GetByLabel("理由（纠正、不同意、移送时必填）").FillAsync(reasoning);

        // The token goes stale (as after signing out and in again in another window).
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'stale')");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, answer.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面已过期，这次没有提交" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("审核意见的理由")).ToHaveValueAsync(reasoning);
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Type == "review.decided");
        Assert.Empty(await Ui.AxeViolationsAsync(page, "expired form"));

        await page.GetByRole(AriaRole.Button, new() { Name = "核对无误，重新提交" }).ClickAsync();
        await Expect(page.Locator("p.flash")).ToContainTextAsync("已作出审核意见：纠正");
        await Expect(page.Locator("#outcome")).ToContainTextAsync(reasoning);
    }

    [Fact]
    public async Task FailedSignInCheck_KeepsTheUsername_ButNeverThePassword()
    {
        await using var app = FashenApp.Start();
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync("li.min");
        await page.GetByLabel("密码").FillAsync(FashenApp.Password);
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.value = 'stale')");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面已过期，这次没有提交" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("用户名")).ToHaveValueAsync("li.min");
        Assert.DoesNotContain(FashenApp.Password, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "重新登录" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_RemindsTheReviewerOfWhatIsDue_AndTheHeadOfWhatIsOverdue()
    {
        await using var app = FashenApp.Start();

        // Both due Wednesday 11 March (submitted Monday 2 March); 李敏 takes the first.
        var first = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕041号");
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕042号");
        await Post(await app.PersonAsync("li.min"), $"/v1/reviews/{first.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = first.Version() });

        // Tuesday 10 March: due the next working day.
        app.Clock.Advance(TimeSpan.FromDays(8));
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        var reminders = reviewer.GetByRole(AriaRole.Region, new() { Name = "提醒" });
        await Expect(reminders).ToContainTextAsync("下一个工作日到期 1 件");
        await reminders.GetByRole(AriaRole.Link, new() { Name = "下一个工作日到期 1 件" }).ClickAsync();
        await Expect(reviewer.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Expect(reviewer.Locator("table.queue tbody tr")).ToContainTextAsync("桓市监罚〔2026〕041号");

        // Thursday 12 March: both overdue; the head is told of the office's.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var head = await Ui.SignInAsync(browser, app, "sun.head");
        await Expect(head.GetByRole(AriaRole.Region, new() { Name = "提醒" })).ToContainTextAsync("本机构已超期的审核 2 件");
        Assert.Empty(await Ui.AxeViolationsAsync(head, "queue with reminders"));
    }

    [Fact]
    public async Task Queue_MarksADueDateInAYearWithoutItsHolidayArrangement_AsProvisional()
    {
        await using var app = FashenApp.Start();
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕051号");

        // Thursday 24 December 2026: seven working days reach into 2027, whose arrangement the samples do not hold.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 1, 0, 0, TimeSpan.Zero));
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕052号");
        var page = await Ui.SignInAsync(browser, app, "li.min");
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows.Filter(new() { HasText = "052号" })).ToContainTextAsync("（暂定）");
        await Expect(rows.Filter(new() { HasText = "052号" }).Locator(".provisional")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("2027"));
        await Expect(rows.Filter(new() { HasText = "051号" })).Not.ToContainTextAsync("暂定");
    }
}
