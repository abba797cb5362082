using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The steps after the opinion in the pages (samples/catalogues/yjgl.yaml): the reviewer's 同意 waits for the legal
/// office head, who sends it back or confirms it; the heads' collective discussion is recorded with its minutes; the opinion
/// document says who signed what.</summary>
[Collection(BrowserCollection.Name)]
public class SignOffPageTests(Browser browser)
{
    [Fact]
    public async Task HeadConfirms_ThenTheDiscussionIsRecorded_AndTheOpinionShowsWhoSignedWhat()
    {
        await using var app = FashenApp.Start();
        var decision = new JsonObject
        {
            ["caseId"] = "桓应急罚〔2026〕021号", ["department"] = "yjgl", ["action"] = "行政处罚", ["procedure"] = "一般程序", ["proposedOn"] = "2026-03-02",
            ["party"] = "桓台县某化工有限公司",
            ["facts"] = new JsonObject
            {
                ["当事人类型"] = "法人", ["罚款金额"] = "3万元", ["没收金额"] = 0, ["处罚种类"] = new JsonArray("罚款", "责令停产停业"), ["涉嫌犯罪"] = false,
            },
        };
        string[] materials = ["《重大行政执法决定法制审核申请表》", "现场检查记录、询问笔录等执法文书", "相关证据资料、案件调查报告", "拟制作的行政执法决定类文书"];
        var (_, review) = await Post(app.CaseSystem("yjgl"), "/v1/reviews", Submission(decision, materials));
        var path = $"/reviews/{review.GetProperty("id").GetString()}";

        var reviewer = await Ui.SignInAsync(browser, app, "chen.jing");
        await reviewer.GotoAsync(path);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "领取审核" }).ClickAsync();
        await Ui.PassEveryItemAsync(reviewer);
        await Ui.Radio(reviewer, "同意").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核意见" }).ClickAsync();
        await Expect(reviewer.Locator("p.flash")).ToContainTextAsync("待法制机构负责人确认");
        await Expect(reviewer.Locator("#sign-off")).ToContainTextAsync("陈静 于");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "确认审核意见" })).ToHaveCountAsync(0);

        // The head finds it in 待办, sends it back without a reason (refused, beside the field), then confirms it.
        var head = await Ui.SignInAsync(browser, app, "zhang.head");
        await Expect(head.Locator("table.queue tbody tr")).ToContainTextAsync("待负责人确认");
        await head.GetByRole(AriaRole.Link, new() { Name = "桓应急罚〔2026〕021号" }).ClickAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "退回重新审核" }).ClickAsync();
        await Expect(head.Locator("#confirm-error")).ToContainTextAsync("理由");
        await head.GetByLabel("确认意见或退回理由（退回时必填）").FillAsync("同意。");
        await head.GetByRole(AriaRole.Button, new() { Name = "确认审核意见" }).ClickAsync();
        await Expect(head.Locator("p.flash")).ToContainTextAsync("已确认审核意见");
        await Expect(head.Locator(".review-head .badge-state")).ToHaveTextAsync("同意");
        await Expect(head.Locator("#sign-off")).ToContainTextAsync("张主任 确认审核意见：同意。");
        await Expect(head.Locator("#sign-off .blocked")).ToContainTextAsync("尚未记录集体讨论");

        // The collective discussion, with the minutes in the case file.
        await head.Locator("summary", new() { HasText = "记录集体讨论" }).ClickAsync();
        await head.GetByLabel("讨论日期").FillAsync("2026-03-02");
        await head.GetByLabel("参加的负责人（每行一位，主持人在前）").FillAsync("刘局长\n何副局长\n马副局长");
        await Ui.Radio(head, "同意作出决定").CheckAsync();
        await head.GetByLabel("会议纪要（PDF、OFD、Word 文档或图像）").SetInputFilesAsync(new FilePayload { Name = "局长办公会纪要.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("minutes") });
        await head.GetByRole(AriaRole.Button, new() { Name = "记录集体讨论" }).ClickAsync();
        await Expect(head.Locator("p.flash, .field-error:not(:empty), .form-error:not(:empty)").First).ToContainTextAsync("已记录集体讨论");
        await Expect(head.Locator("#sign-off .discussions")).ToContainTextAsync("2026-03-02 · 同意作出决定");
        await Expect(head.Locator("#sign-off .discussions")).ToContainTextAsync("刘局长、何副局长、马副局长");
        await Expect(head.Locator("#sign-off .blocked")).ToHaveCountAsync(0);
        await Expect(head.GetByRole(AriaRole.Link, new() { Name = "局长办公会纪要.pdf" }).First).ToBeVisibleAsync();
        Assert.Empty(await Ui.AxeViolationsAsync(head, "review after sign-off"));

        var (_, permit) = await Post(app.CaseSystem("yjgl"), "/v1/issuance", new JsonObject { ["decision"] = decision.DeepClone() });
        Assert.True(permit.GetProperty("issuable").GetBoolean(), permit.ToString());

        await head.GotoAsync(path + "/opinion");
        await Expect(head.Locator("main")).ToContainTextAsync("审核人员陈静于二〇二六年三月二日提出审核意见。");
        await Expect(head.Locator("main")).ToContainTextAsync("法制机构负责人张主任于二〇二六年三月二日确认：同意。");
    }
}
