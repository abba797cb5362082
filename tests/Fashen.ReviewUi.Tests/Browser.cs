using Microsoft.Playwright;

namespace Fashen.ReviewUi.Tests;

/// <summary>One headless Chromium for the test run: Debian's, at /usr/bin/chromium (the test command
/// installs it when missing). Each test opens its own contexts, so cookies never leak between tests.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FASHEN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine's network is closed: without these, Chromium keeps trying to reach Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh browser window for one person, in Chinese, on a laptop-sized screen (1366 px) or, when given, a
    /// narrower one such as a phone's 375 px.</summary>
    public async Task<IPage> NewPageAsync(FashenApp app, int width = 1366)
    {
        var context = await Chromium.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
