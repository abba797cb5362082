using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>Who may do what on a review page, and the outcome form's rules: the page offers what the
/// workflow would accept, and the server refuses the rest however the request is made.</summary>
[Collection(BrowserCollection.Name)]
public class ReviewPageRulesTests(Browser browser)
{
    [Fact]
    public async Task ReviewerOfAnotherDepartment_CannotOpenOrActOnTheReview()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var outsider = await Ui.SignInAsync(browser, app, "zhao.lei");

        await Expect(outsider.Locator("main")).Not.ToContainTextAsync("桓市监罚〔2026〕001号");
        var response = await outsider.GotoAsync($"/reviews/{id}");
        Assert.Equal(403, response!.Status);
        await Expect(outsider.Locator("main")).ToContainTextAsync("你无权查看或办理部门“scjg”的审核");
        await Expect(outsider.Locator("main")).Not.ToContainTextAsync("罚款金额");

        // Even with a valid form token of their own, posting to it is refused on the server.
        var token = await outsider.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var posted = await outsider.APIRequest.PostAsync($"/reviews/{id}?handler=Assign", new()
        {
            Form = Form(outsider, ("Version", "2"), ("__RequestVerificationToken", token)),
        });
        Assert.Equal(403, posted.Status);
        Assert.Null(app.Store.LatestReviewFor("scjg", "桓市监罚〔2026〕001号")!.ReviewerId);
    }

    [Fact]
    public async Task Forms_WithoutTheAntiforgeryToken_AreRefused()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");

        var posted = await reviewer.APIRequest.PostAsync($"/reviews/{id}?handler=Assign", new() { Form = Form(reviewer, ("Version", "2")) });

        Assert.Equal(400, posted.Status);
        Assert.Null(app.Store.LatestReviewFor("scjg", "桓市监罚〔2026〕001号")!.ReviewerId);
    }

    [Fact]
    public async Task WhoHandledTheCase_SeesTheFormsClosedWithTheReason()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();

        // 王强 submitted the case; he is a reviewer of the department too.
        var handler = await Ui.SignInAsync(browser, app, "wang.qiang");
        await handler.GotoAsync($"/reviews/{id}");

        await Expect(handler.GetByRole(AriaRole.Button, new() { Name = "领取审核" })).ToHaveCountAsync(0);
        await Expect(handler.Locator("#checklist")).ToContainTextAsync("是本案的报送人或承办人");
        await Expect(handler.Locator("#outcome .blocked")).ToContainTextAsync("审办分离");
        await Expect(handler.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" })).ToBeDisabledAsync();
        await Expect(Ui.Radio(Ui.ChecklistItems(handler).First, "无问题")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task FirstTimeReviewerWithoutQualification_ChecksButCannotDecide()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var reviewer = await Ui.SignInAsync(browser, app, "xin.ran");
        await reviewer.GotoAsync($"/reviews/{id}");

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await Ui.PassEveryItemAsync(reviewer);

        await Expect(reviewer.Locator("#outcome .blocked")).ToContainTextAsync("应当取得法律职业资格后才能作出审核意见");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task OutcomeOtherThanApprove_NeedsAReason_ShownBesideTheField()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await reviewer.GotoAsync($"/reviews/{id}");
        var reason = reviewer.Locator("#OutcomeReason");

        // In the browser, the reason becomes required as soon as 不同意 is chosen …
        await Ui.Radio(reviewer, "不同意").CheckAsync();
        await Expect(reason).ToHaveAttributeAsync("required", string.Empty);
        await Expect(Ui.Radio(reviewer, "同意")).ToBeDisabledAsync();

        // … and without the browser's check, the server refuses and says so beside the field, keeping the choice.
        await reason.EvaluateAsync("e => e.required = false");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync();
        await Expect(reviewer.Locator("#reason-error")).ToContainTextAsync("须写明理由");
        await Expect(Ui.Radio(reviewer, "不同意")).ToBeCheckedAsync();
        Assert.Equal("accepted", (await Get(app.CaseSystem("scjg"), $"/v1/reviews/{id}")).Body.State());
    }

    [Fact]
    public async Task ChecklistProblem_WithoutANote_IsNotSaved_UntilTheNoteIsWritten()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await reviewer.GotoAsync($"/reviews/{id}");
        var item = Ui.ChecklistItems(reviewer).Nth(3);

        await Ui.Radio(item, "有问题").CheckAsync();
        await Expect(item.Locator("[data-error-for=note]")).ToContainTextAsync("发现问题时的说明不能为空");

        await item.GetByLabel("说明（有问题时必填）").FillAsync("现场检查笔录缺当事人签字。");
        await item.GetByLabel("说明（有问题时必填）").BlurAsync();
        await Expect(item.Locator("[data-saved]")).ToContainTextAsync("已保存：有问题");
        await Expect(item.Locator("[data-error-for=note]")).ToBeEmptyAsync();

        // Saved for real: the page read afresh shows it, and so does the API.
        await reviewer.ReloadAsync();
        await Expect(Ui.ChecklistItems(reviewer).Nth(3).GetByLabel("说明（有问题时必填）")).ToHaveValueAsync("现场检查笔录缺当事人签字。");
        var (_, review) = await Get(app.CaseSystem("scjg"), $"/v1/reviews/{id}");
        Assert.Equal("problem", review.GetProperty("checklist")[3].GetProperty("status").GetString());
    }

    [Fact]
    public async Task StaleWindow_IsToldTheReviewChanged_AndCarriesOnWithTheCurrentVersion()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var first = await Ui.SignInAsync(browser, app, "li.min");
        var second = await first.Context.NewPageAsync();
        await first.GotoAsync($"/reviews/{id}");
        await second.GotoAsync($"/reviews/{id}");

        await first.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        var item = Ui.ChecklistItems(second).First;
        await Ui.Radio(item, "无问题").CheckAsync();
        await Expect(item.Locator("[data-error-for=note]")).ToContainTextAsync("审核已被他人更新");

        await Ui.Radio(item, "有问题").CheckAsync();
        await Ui.Radio(item, "无问题").CheckAsync();
        await Expect(item.Locator("[data-saved]")).ToContainTextAsync("已保存：无问题");
    }

    [Fact]
    public async Task Approve_WaitsForCounsel_WhenTheRuleRequiresIt()
    {
        await using var app = FashenApp.Start();
        var decision = FoodFine(fine: 20000);
        decision["facts"]!["重大公共利益"] = new JsonObject { ["raised"] = true, ["raisedBy"] = "孙局长", ["reason"] = "涉及全县学校食堂供餐安全" };
        var (_, submitted) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(decision));
        var id = submitted.GetProperty("id").GetString();

        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await reviewer.GotoAsync($"/reviews/{id}");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await Ui.PassEveryItemAsync(reviewer);
        await Expect(reviewer.Locator("#approve-blockers")).ToContainTextAsync("要求同意前听取法律顾问意见");
        await Expect(Ui.Radio(reviewer, "同意")).ToBeDisabledAsync();

        // Counsel finds it in their list.
        var counsel = await Ui.SignInAsync(browser, app, "zhou.lawyer");
        await counsel.GetByRole(AriaRole.Link, new() { Name = "法律顾问意见" }).ClickAsync();
        await counsel.GetByRole(AriaRole.Link, new() { Name = "桓市监罚〔2026〕001号" }).ClickAsync();
        await counsel.GetByLabel("提出法律顾问意见").FillAsync("供餐安全事关重大，同意从严处理。");
        await counsel.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await counsel.GetByRole(AriaRole.Link, new() { Name = "法律顾问意见" }).ClickAsync();
        await Expect(counsel.Locator("main")).ToContainTextAsync("没有等待法律顾问意见的审核");

        await reviewer.ReloadAsync();
        await Expect(Ui.Radio(reviewer, "同意")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task SignedOut_ThePageAsksForSignIn_AndReturnsThere()
    {
        await using var app = FashenApp.Start();
        var id = (await SubmitAcceptedAsync(app)).GetProperty("id").GetString();
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync($"/reviews/{id}");
        await page.GetByLabel("用户名").FillAsync("li.min");
        await page.GetByLabel("密码").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".form-error")).ToContainTextAsync("用户名或密码错误");

        await page.GetByLabel("密码").FillAsync(FashenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "桓市监罚〔2026〕001号" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync($"/reviews/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录法审" })).ToBeVisibleAsync();
    }

    private static IFormData Form(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
