using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;

namespace Fashen.ReviewUi.Tests;

/// <summary>axe-core finds no serious or critical accessibility violation on the main pages and the public catalogues, in the
/// states reviewers see them: with data, with errors shown, and after a decision.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(Browser browser)
{
    [Fact]
    public async Task MainPages_HaveNoSeriousOrCriticalViolations()
    {
        await using var app = FashenApp.Start();
        var open = (await SubmitAcceptedAsync(app, "桓市监罚〔2026〕001号")).GetProperty("id").GetString();
        var decided = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕002号");
        var person = await app.PersonAsync("li.min");
        decided = await CompleteChecklistAsync(person, decided);
        await Post(person, $"/v1/reviews/{decided.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = decided.Version(), ["outcome"] = "approve" });

        var signIn = await browser.NewPageAsync(app);
        await signIn.GotoAsync("/signin");
        var failures = await ViolationsAsync(signIn, "登录");

        // The public catalogues, as anyone reads them without signing in.
        foreach (var (path, name) in new[] { ("/public/catalogues/", "公开目录索引"), ("/public/catalogues/scjg.html", "公开目录") })
        {
            await signIn.GotoAsync(path);
            failures.AddRange(await ViolationsAsync(signIn, name));
        }

        var page = await Ui.SignInAsync(browser, app, "li.min");
        foreach (var (path, name) in new[]
        {
            ("/", "审核队列"),
            ($"/reviews/{open}", "审核"),
            ($"/reviews/{decided.GetProperty("id").GetString()}", "已同意的审核"),
            ($"/reviews/{decided.GetProperty("id").GetString()}/opinion", "法制审核意见书"),
            ("/catalogues", "目录清单"),
            ("/catalogues/scjg", "目录清单详情"),
            ("/statistics", "数据统计"),
        })
        {
            await page.GotoAsync(path);
            failures.AddRange(await ViolationsAsync(page, name));
        }

        // With an error shown beside a field.
        await page.GotoAsync($"/reviews/{open}");
        await Ui.Radio(page, "不同意").CheckAsync();
        await page.Locator("#OutcomeReason").EvaluateAsync("e => e.required = false");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync();
        failures.AddRange(await ViolationsAsync(page, "审核（有错误提示）"));

        var head = await Ui.SignInAsync(browser, app, "sun.head");
        await head.GotoAsync("/extensions");
        failures.AddRange(await ViolationsAsync(head, "延期审批"));
        var counsel = await Ui.SignInAsync(browser, app, "zhou.lawyer");
        await counsel.GotoAsync("/counsel");
        failures.AddRange(await ViolationsAsync(counsel, "法律顾问意见"));

        Assert.Empty(failures);
    }

    private static async Task<List<string>> ViolationsAsync(IPage page, string name)
    {
        var results = await page.RunAxe();
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
    }
}
