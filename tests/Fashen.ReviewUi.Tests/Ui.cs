using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>What people do in the pages, written once.</summary>
internal static class Ui
{
    public static async Task<IPage> SignInAsync(Browser browser, FashenApp app, string username, int width = 1366)
    {
        var page = await browser.NewPageAsync(app, width);
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(FashenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审核队列" })).ToBeVisibleAsync();
        return page;
    }

    public static ILocator ChecklistItems(IPage page) => page.Locator("#checklist li.check-item");

    /// <summary>A radio button by its exact label (同意 is not 不同意).</summary>
    public static ILocator Radio(IPage page, string name) => page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>A radio button within part of a page.</summary>
    public static ILocator Radio(ILocator within, string name) => within.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>Marks every checklist item 无问题, waiting for each to be saved.</summary>
    public static async Task PassEveryItemAsync(IPage page)
    {
        var items = ChecklistItems(page);
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            await Radio(item, "无问题").CheckAsync();
            await Expect(item.Locator("[data-saved]")).ToContainTextAsync("已保存：无问题");
        }
    }

    /// <summary>Saves a screenshot for the README when asked (UPDATE_SCREENSHOTS=1), else into the test output.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Repository.Path("docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>How far a page reaches past the window's right edge, in CSS pixels: 0 when nothing scrolls sideways.</summary>
    public static Task<int> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");

    /// <summary>What axe finds serious or critical on a page, each named with the page.</summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page, string name) =>
        (await page.RunAxe()).Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help}")
            .ToList();
}
