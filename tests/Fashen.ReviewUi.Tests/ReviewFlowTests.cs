using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The whole life of a review as people live it: a case system submits over the API, a reviewer
/// works it in the browser, counsel adds an opinion, the reviewer passes it, and the case system may issue.</summary>
[Collection(BrowserCollection.Name)]
public class ReviewFlowTests(Browser browser)
{
    [Fact]
    public async Task SubmittedOverTheApi_ReviewedInTheBrowser_ThenIssued()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var decision = FoodFine();
        decision["party"] = "桓台县某某食品有限公司";
        var (status, submitted) = await Post(caseSystem, "/v1/reviews", Submission(decision));
        Assert.Equal(HttpStatusCode.Created, status);

        // Two later cases, due later: the first one stays at the top of the queue.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕002号");
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕003号");

        // The reviewer finds it first in the queue, marked with its due date.
        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        var first = reviewer.Locator("table.queue tbody tr").First;
        await Expect(first).ToContainTextAsync("桓市监罚〔2026〕001号");
        await Expect(first).ToContainTextAsync("2026-03-11");
        await Ui.ScreenshotAsync(reviewer, "queue");
        await first.GetByRole(AriaRole.Link).ClickAsync();

        // The page says why it is major, with the catalogue version, and what was received.
        await Expect(reviewer.Locator("#major")).ToContainTextAsync("SC-P-04");
        await Expect(reviewer.Locator("#major")).ToContainTextAsync("罚款金额 60,000 元 ≥ 食药特单位罚款档 50,000 元（含本数）");
        await Expect(reviewer.Locator("#major")).ToContainTextAsync("2026.1");
        await Expect(reviewer.Locator("#decision")).ToContainTextAsync("桓台县某某食品有限公司");
        await Expect(reviewer.Locator("#materials")).ToContainTextAsync("证据材料");

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await Expect(reviewer.Locator(".flash")).ToHaveTextAsync("已领取，开始审核。");

        // 同意 is offered only once every item is completed; each item saves as it is marked.
        var approve = Ui.Radio(reviewer, "同意");
        await Expect(approve).ToBeDisabledAsync();
        await Expect(reviewer.Locator("#approve-blockers")).ToContainTextAsync("审核要点尚未全部完成");
        await Ui.PassEveryItemAsync(reviewer);
        await Expect(approve).ToBeEnabledAsync();
        await Expect(reviewer.Locator("#approve-blockers")).ToBeEmptyAsync();
        await Ui.ScreenshotAsync(reviewer, "review");

        // Counsel opens it from the queue and adds an opinion.
        var counsel = await Ui.SignInAsync(browser, app, "zhou.lawyer");
        await counsel.GetByRole(AriaRole.Link, new() { Name = "桓市监罚〔2026〕001号" }).ClickAsync();
        await counsel.GetByLabel("提出法律顾问意见").FillAsync("处罚依据充分，罚款数额在裁量基准范围内。");
        await counsel.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Expect(counsel.Locator("#opinions")).ToContainTextAsync("处罚依据充分");
        await Expect(counsel.Locator("#opinions")).ToContainTextAsync("周律师");

        // The reviewer sees it after a reload and passes the review.
        await reviewer.ReloadAsync();
        await Expect(reviewer.Locator("#opinions")).ToContainTextAsync("处罚依据充分");
        await Ui.Radio(reviewer, "同意").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync();
        await Expect(reviewer.Locator(".flash")).ToHaveTextAsync("已作出审核意见：同意。");
        await Expect(reviewer.Locator("#outcome")).ToContainTextAsync("同意");
        await Expect(reviewer.Locator("#history")).ToContainTextAsync("审核意见");

        // The case system may now issue exactly this decision.
        var (_, issuance) = await Post(caseSystem, "/v1/issuance", new JsonObject { ["decision"] = decision.DeepClone() });
        Assert.True(issuance.GetProperty("issuable").GetBoolean(), issuance.ToString());
        Assert.Equal(submitted.GetProperty("id").GetString(), issuance.GetProperty("reviewId").GetString());

        // The review opinion prints: unit, number, party, opinion, reviewer and time, on one A4 page.
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "法制审核意见书（打印）" }).ClickAsync();
        var document = reviewer.Locator("article.document");
        await Expect(document).ToContainTextAsync("桓台县市场监督管理局");
        await Expect(document).ToContainTextAsync("法制审核意见书");
        await Expect(document).ToContainTextAsync(new System.Text.RegularExpressions.Regex("桓市监法审〔2026〕[1-9][0-9]*号"));
        await Expect(document).ToContainTextAsync("桓台县某某食品有限公司");
        await Expect(document).ToContainTextAsync("审核人员（签名）：李敏");
        await Expect(document).ToContainTextAsync("处罚依据充分");
        var pdf = await reviewer.PdfAsync(new() { Format = "A4", PrintBackground = true, Path = Path.Combine(AppContext.BaseDirectory, "opinion.pdf") });
        Assert.Equal(1, PdfPages(pdf));
    }

    [Fact]
    public async Task Correction_ResubmissionShowsWhatChanged()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString()!;

        var reviewer = await Ui.SignInAsync(browser, app, "li.min");
        await reviewer.GotoAsync($"/reviews/{id}");
        await reviewer.GetByRole(AriaRole.Radio, new() { Name = "纠正" }).CheckAsync();
        await reviewer.GetByLabel("理由（纠正、不同意、移送时必填）").FillAsync("罚款数额未按裁量基准确定，请重新核定后报送。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync();
        await Expect(reviewer.Locator(".flash")).ToHaveTextAsync("已作出审核意见：纠正。");

        // The case system corrects the fine and resubmits with one more material, later that morning.
        app.Clock.Advance(TimeSpan.FromHours(2));
        var corrected = Submission(FoodFine(fine: 55000), AllMaterials.Append("裁量基准适用说明"));
        var (status, _) = await Post(caseSystem, $"/v1/reviews/{id}/resubmissions", corrected);
        Assert.Equal(HttpStatusCode.OK, status);

        await reviewer.ReloadAsync();
        var changes = reviewer.Locator("section.changes");
        await Expect(changes).ToContainTextAsync("重新报送的变化");
        await Expect(changes.Locator("tr", new() { HasText = "罚款金额" })).ToContainTextAsync("60,000 元");
        await Expect(changes.Locator("tr", new() { HasText = "罚款金额" })).ToContainTextAsync("55,000 元");
        await Expect(changes).ToContainTextAsync("补充材料：裁量基准适用说明");
        await Expect(reviewer.Locator(".review-head")).ToContainTextAsync("第 2 轮");

        // The new round's checklist starts empty: nothing carried over from the corrected decision.
        await Expect(reviewer.Locator("#checklist [data-saved]").First).ToBeEmptyAsync();
    }

    // A PDF has one "/Type /Page" object per page (and one "/Type /Pages" tree).
    private static int PdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
}
