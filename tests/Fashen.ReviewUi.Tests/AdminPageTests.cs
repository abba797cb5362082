using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>系统管理, the admin's page: accounts (create with a one-time password, change, reset, disable), API keys (create,
/// rotate, revoke), catalogue reload with the diagnostics shown, and record verification with an anchor to copy; each section
/// without an axe finding, and on a phone without sideways scrolling.</summary>
[Collection(BrowserCollection.Name)]
public class AdminPageTests(Browser browser)
{
    [Fact]
    public async Task Accounts_AreCreatedWithAOneTimePassword_ResetAndDisabled()
    {
        await using var app = FashenApp.Start();
        var admin = await Ui.SignInAsync(browser, app, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "系统管理" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "账号", Exact = true })).ToBeVisibleAsync();

        // A sign-in name already used is refused, and what was typed stays.
        await admin.Locator("summary", new() { HasText = "新建账号" }).ClickAsync();
        await admin.GetByLabel("登录名").FillAsync("li.min");
        await admin.GetByLabel("姓名", new() { Exact = true }).First.FillAsync("周欣");
        await admin.GetByRole(AriaRole.Button, new() { Name = "新建（生成初始密码）" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("已有人使用");
        await Expect(admin.Locator("#new-name")).ToHaveValueAsync("周欣");

        await admin.GetByLabel("登录名").FillAsync("zhou.xin");
        var form = admin.Locator("form.account-form");
        await form.GetByLabel("法制审核人员").CheckAsync();
        await form.GetByLabel("桓台县市场监督管理局").CheckAsync();
        await form.GetByLabel("具有法律职业资格").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新建（生成初始密码）" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("已新建账号 zhou.xin");
        var password = await admin.Locator("#secret-value").InputValueAsync();
        Assert.True(password.Length >= 12);
        await Expect(admin.Locator("table.queue")).ToContainTextAsync("周欣");
        Assert.Empty(await Ui.AxeViolationsAsync(admin, "admin accounts"));

        // The new reviewer signs in with it.
        Assert.True(await SignsInAsync(app, "zhou.xin", password));

        // A reset gives a new one-time password; the old one no longer works.
        var row = admin.Locator("table.queue tbody tr", new() { HasText = "zhou.xin" });
        await row.GetByRole(AriaRole.Button, new() { Name = "重置密码 zhou.xin" }).ClickAsync();
        var reset = await admin.Locator("#secret-value").InputValueAsync();
        Assert.NotEqual(password, reset);
        Assert.False(await SignsInAsync(app, "zhou.xin", password));
        Assert.True(await SignsInAsync(app, "zhou.xin", reset));

        // Disabled: no sign-in; the admin cannot disable themselves.
        row = admin.Locator("table.queue tbody tr", new() { HasText = "zhou.xin" });
        await row.GetByRole(AriaRole.Button, new() { Name = "停用 zhou.xin" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("已停用 zhou.xin");
        Assert.False(await SignsInAsync(app, "zhou.xin", reset));
        await admin.Locator("table.queue tbody tr", new() { HasText = "法制办管理员" }).GetByRole(AriaRole.Button, new() { Name = "停用 admin" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("不能停用自己的账号");

        // Each change is in the record, never a password.
        var types = app.Store.ReadAll().Select(e => e.Type).ToList();
        Assert.Contains("account.created", types);
        Assert.Contains("account.password_reset", types);
        Assert.Contains("account.disabled", types);
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Data.Contains(reset, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiKeys_AreCreatedRotatedAndRevoked_AndOnlyTheCurrentKeyWorks()
    {
        await using var app = FashenApp.Start();
        var admin = await Ui.SignInAsync(browser, app, "admin");
        await admin.GotoAsync("/admin?section=keys");
        await admin.Locator("summary", new() { HasText = "新建 API 密钥" }).ClickAsync();
        await admin.GetByLabel("案件系统名称").FillAsync("市场监管综合执法系统");
        await admin.GetByLabel("桓台县市场监督管理局").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新建（生成密钥）" }).ClickAsync();
        var key = await admin.Locator("#secret-value").InputValueAsync();
        Assert.StartsWith("fsk_", key, StringComparison.Ordinal);
        Assert.Equal(200, await CallAsync(app, key));
        Assert.Empty(await Ui.AxeViolationsAsync(admin, "admin keys"));

        var row = admin.Locator("table.queue tbody tr", new() { HasText = "市场监管综合执法系统" });
        await row.GetByRole(AriaRole.Button, new() { Name = "更换密钥 市场监管综合执法系统" }).ClickAsync();
        var rotated = await admin.Locator("#secret-value").InputValueAsync();
        Assert.Equal(401, await CallAsync(app, key));
        Assert.Equal(200, await CallAsync(app, rotated));

        row = admin.Locator("table.queue tbody tr", new() { HasText = "市场监管综合执法系统" });
        await row.GetByRole(AriaRole.Button, new() { Name = "停用 市场监管综合执法系统" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("该案件系统不能再调用");
        Assert.Equal(401, await CallAsync(app, rotated));
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Data.Contains(rotated[^20..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task CatalogueReload_ShowsTheDiagnostics_AndVerification_GivesAnAnchorToKeep()
    {
        using var samples = new SampleCopy();
        await using var app = FashenApp.Start(new Dictionary<string, string> { ["Fashen:Catalogues"] = samples.Catalogues });
        var admin = await Ui.SignInAsync(browser, app, "admin");
        await admin.GotoAsync("/admin?section=catalogues");
        await admin.GetByRole(AriaRole.Button, new() { Name = "重新载入目录清单" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("目录清单没有变化");

        samples.Edit("scjg.yaml", text => text.Replace("罚款金额 超过 个人罚没档", "罚款金额 超过 个人罚没挡", StringComparison.Ordinal));
        await admin.GetByRole(AriaRole.Button, new() { Name = "重新载入目录清单" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("未重新载入，原有目录继续使用");
        await Expect(admin.Locator("pre.diagnostics")).ToContainTextAsync("scjg.yaml:");
        await Expect(admin.Locator("pre.diagnostics")).ToContainTextAsync("个人罚没挡");
        await Expect(admin.Locator("pre.diagnostics")).ToContainTextAsync("^");
        Assert.Empty(await Ui.AxeViolationsAsync(admin, "admin catalogues"));

        await admin.GotoAsync("/admin?section=record");
        await admin.GetByRole(AriaRole.Button, new() { Name = "校验全过程记录" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("校验通过");
        var anchor = await admin.GetByLabel("本次校验的锚点").InputValueAsync();
        Assert.Matches("^[0-9]+:sha256:[0-9a-f]{64}$", anchor);
        await admin.GetByLabel("此前留存的锚点（每行一个，可不填）").FillAsync(anchor);
        await admin.GetByRole(AriaRole.Button, new() { Name = "校验全过程记录" }).ClickAsync();
        await Expect(admin.Locator("p.flash")).ToContainTextAsync("校验通过");
        await admin.GetByLabel("此前留存的锚点（每行一个，可不填）").FillAsync($"1:sha256:{new string('e', 64)}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "校验全过程记录" }).ClickAsync();
        await Expect(admin.Locator("div.form-error")).ToContainTextAsync("校验未通过");
        Assert.Empty(await Ui.AxeViolationsAsync(admin, "admin record"));

        // Only the admin: a reviewer is refused, and the navigation does not offer it.
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "系统管理" })).ToHaveCountAsync(0);
        var refused = await reviewer.GotoAsync("/admin");
        Assert.Equal(403, refused!.Status);

        // On a phone, nothing scrolls sideways.
        var phone = await Ui.SignInAsync(browser, app, "admin", width: 375);
        foreach (var section in new[] { "accounts", "keys", "catalogues", "record" })
        {
            await phone.GotoAsync($"/admin?section={section}");
            Assert.Equal(0, await Ui.SidewaysOverflowAsync(phone));
        }
    }

    private async Task<bool> SignsInAsync(FashenApp app, string username, string password)
    {
        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var signedIn = await page.GetByRole(AriaRole.Heading, new() { Name = "审核队列" }).CountAsync() > 0;
        await page.Context.CloseAsync();
        return signedIn;
    }

    private static async Task<int> CallAsync(FashenApp app, string key)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (int)(await client.GetAsync("/v1/catalogues")).StatusCode;
    }
}
