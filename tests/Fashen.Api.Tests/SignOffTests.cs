using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The steps after the reviewer's opinion that a catalogue requires (samples/catalogues/yjgl.yaml): the legal office
/// head's confirmation before the opinion takes effect, and the agency heads' collective discussion before the decision is
/// made. The gate permits only once both are done, and the opinion document says who signed what.</summary>
public class SignOffTests
{
    private static readonly string[] YjglMaterials =
        ["《重大行政执法决定法制审核申请表》", "现场检查记录、询问笔录等执法文书", "相关证据资料、案件调查报告", "拟制作的行政执法决定类文书"];

    // 责令停产停业 (YJ-P-03): a serious penalty the bureau's heads discuss collectively.
    private static JsonObject Suspension() => new()
    {
        ["caseId"] = "桓应急罚〔2026〕015号",
        ["department"] = "yjgl",
        ["action"] = "行政处罚",
        ["procedure"] = "一般程序",
        ["proposedOn"] = "2026-03-02",
        ["party"] = "桓台县某化工有限公司",
        ["facts"] = new JsonObject
        {
            ["当事人类型"] = "法人",
            ["罚款金额"] = "3万元",
            ["没收金额"] = 0,
            ["处罚种类"] = new JsonArray("罚款", "责令停产停业"),
            ["涉嫌犯罪"] = false,
        },
    };

    [Fact]
    public async Task HeadConfirmation_AndCollectiveDiscussion_AreEachRequiredBeforeThePermit()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("yjgl");
        var (submitted, review) = await Post(caseSystem, "/v1/reviews", Submission(Suspension(), YjglMaterials));
        Assert.Equal(HttpStatusCode.Created, submitted);
        var id = review.GetProperty("id").GetString()!;
        Assert.True(review.GetProperty("signOff").GetProperty("headConfirmationRequired").GetBoolean());
        Assert.True(review.GetProperty("signOff").GetProperty("collectiveDiscussionRequired").GetBoolean());

        // The reviewer's 同意 waits for the head; the clock still runs, and nothing may be issued yet.
        var reviewer = await app.PersonAsync("chen.jing");
        var done = await CompleteChecklistAsync(reviewer, review);
        var (_, proposed) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = done.Version(), ["outcome"] = "approve" });
        Assert.Equal("awaiting_confirmation", proposed.State());
        Assert.True(proposed.GetProperty("deadline").GetProperty("running").GetBoolean());
        Assert.Equal("approve", proposed.GetProperty("signOff").GetProperty("proposal").GetProperty("outcome").GetString());
        Assert.False((await IssueAsync(caseSystem)).GetProperty("issuable").GetBoolean());

        // The reviewer cannot confirm; the head sends it back only with a reason.
        var (_, notHead) = await Post(reviewer, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = proposed.Version(), ["confirmed"] = true });
        Assert.Equal("FS5014", notHead.Code());
        var head = await app.PersonAsync("zhang.head");
        var (_, noReason) = await Post(head, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = proposed.Version(), ["confirmed"] = false });
        Assert.Equal("FS5022", noReason.Code());
        var (_, sentBack) = await Post(head, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = proposed.Version(), ["confirmed"] = false, ["note"] = "请补充说明停产停业期限的依据。" });
        Assert.Equal("under_review", sentBack.State());

        var (_, again) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = sentBack.Version(), ["outcome"] = "approve", ["reason"] = "停产停业期限符合《安全生产法》第一百一十一条。" });
        app.Clock.Advance(TimeSpan.FromDays(1));
        head = await app.PersonAsync("zhang.head");
        reviewer = await app.PersonAsync("chen.jing");
        var (_, confirmed) = await Post(head, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = again.Version(), ["confirmed"] = true, ["note"] = "同意。" });
        Assert.Equal("approved", confirmed.State());
        Assert.Equal("陈静", confirmed.GetProperty("decidedBy").GetProperty("name").GetString());
        var missing = Assert.Single(confirmed.GetProperty("signOff").GetProperty("missing").EnumerateArray()).GetString();
        Assert.Contains("YJ-P-03", missing, StringComparison.Ordinal);

        // Approved and confirmed, but the heads have not discussed it: refused, with what is missing.
        var refused = await IssueAsync(caseSystem);
        Assert.False(refused.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5049", refused.GetProperty("reasons")[0].GetProperty("code").GetString());

        // The discussion needs two heads at least, a day not before the approval, and minutes the caller stored.
        var minutes = await UploadAsync(caseSystem, SampleFiles.Pdf("集体讨论会议纪要"));
        JsonObject Discussion(string heldOn, string conclusion, params string[] participants) => new()
        {
            ["version"] = confirmed.Version(),
            ["heldOn"] = heldOn,
            ["participants"] = new JsonArray([.. participants.Select(p => (JsonNode)p)]),
            ["conclusion"] = conclusion,
            ["summary"] = "局长办公会讨论。",
            ["minutes"] = new JsonObject { ["sha256"] = minutes, ["fileName"] = "局长办公会纪要.pdf" },
        };
        var (_, alone) = await Post(caseSystem, $"/v1/reviews/{id}/collective-discussion", Discussion("2026-03-03", "agree", "刘局长"));
        Assert.Equal("FS5050", alone.Code());
        var (_, early) = await Post(caseSystem, $"/v1/reviews/{id}/collective-discussion", Discussion("2026-03-01", "agree", "刘局长", "何副局长"));
        Assert.Equal("FS5050", early.Code());
        var (_, otherFile) = await Post(head, $"/v1/reviews/{id}/collective-discussion", Discussion("2026-03-03", "agree", "刘局长", "何副局长"));
        Assert.Equal("FS5029", otherFile.Code());

        var (_, disagreed) = await Post(caseSystem, $"/v1/reviews/{id}/collective-discussion", Discussion("2026-03-03", "disagree", "刘局长", "何副局长", "马副局长"));
        Assert.Equal("disagree", disagreed.GetProperty("signOff").GetProperty("discussions")[0].GetProperty("conclusion").GetString());
        var stillRefused = await IssueAsync(caseSystem);
        Assert.Contains("不同意作出决定", stillRefused.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var agreed = Discussion("2026-03-03", "agree", "刘局长", "何副局长", "马副局长");
        agreed["version"] = disagreed.Version();
        var (discussed, withDiscussion) = await Post(caseSystem, $"/v1/reviews/{id}/collective-discussion", agreed);
        Assert.Equal(HttpStatusCode.OK, discussed);
        Assert.Empty(withDiscussion.GetProperty("signOff").GetProperty("missing").EnumerateArray());
        var permitted = await IssueAsync(caseSystem);
        Assert.True(permitted.GetProperty("issuable").GetBoolean(), permitted.ToString());

        // The opinion: given by the reviewer, confirmed by the head; the record tells every step.
        var (_, opinion) = await Get(reviewer, $"/v1/reviews/{id}/opinion");
        Assert.Equal("陈静", opinion.GetProperty("reviewer").GetString());
        var signed = opinion.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "签署");
        Assert.Equal(["审核人员陈静于二〇二六年三月二日提出审核意见。", "法制机构负责人张主任于二〇二六年三月三日确认：同意。"],
            signed.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var (_, history) = await Get(reviewer, $"/v1/reviews/{id}/history");
        Assert.Equal(
            ["review.outcome_proposed", "review.proposal_returned", "review.outcome_proposed", "review.decided", "review.collective_discussion_recorded", "review.collective_discussion_recorded"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Where(t => t is not null && (t.Contains("outcome") || t.Contains("proposal") || t.Contains("decided") || t.Contains("discussion"))));
        var (_, verification) = await Get(await app.PersonAsync("admin"), "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task DepartmentWithoutSignOffSteps_IsAsBefore_AndADiscussionIsRefusedWhereNoRuleAsksForIt()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var reviewer = await app.PersonAsync("li.min");
        var done = await CompleteChecklistAsync(reviewer, review);
        var (_, approved) = await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = done.Version(), ["outcome"] = "approve" });

        Assert.Equal("approved", approved.State());
        Assert.False(approved.GetProperty("signOff").GetProperty("headConfirmationRequired").GetBoolean());
        Assert.Empty(approved.GetProperty("signOff").GetProperty("missing").EnumerateArray());
        var (_, refused) = await Post(app.CaseSystem("scjg"), $"/v1/reviews/{review.GetProperty("id").GetString()}/collective-discussion", new JsonObject
        {
            ["version"] = approved.Version(), ["heldOn"] = "2026-03-02", ["participants"] = new JsonArray("甲", "乙"), ["conclusion"] = "agree",
            ["minutes"] = new JsonObject { ["sha256"] = new string('a', 64), ["fileName"] = "纪要.pdf" },
        });
        Assert.Equal("FS5050", refused.Code());
    }

    [Fact]
    public async Task AHeadWhoAlsoReviews_MayNotConfirmTheirOwnOpinion()
    {
        await using var app = FashenApp.Start();
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        var both = new Account("wu.both", "wu.both", "吴兼", string.Empty, [Role.Reviewer, Role.Head], ["yjgl"], false, true, Disabled: false);
        accounts.SaveAccount(both with { PasswordHash = Credentials.HashPassword(both, FashenApp.Password) });
        var (_, review) = await Post(app.CaseSystem("yjgl"), "/v1/reviews", Submission(Suspension(), YjglMaterials));
        var id = review.GetProperty("id").GetString()!;
        var wu = await app.PersonAsync("wu.both");
        var done = await CompleteChecklistAsync(wu, review);
        var (_, proposed) = await Post(wu, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = done.Version(), ["outcome"] = "approve" });

        var (status, own) = await Post(wu, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = proposed.Version(), ["confirmed"] = true });
        var (_, other) = await Post(await app.PersonAsync("zhang.head"), $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = proposed.Version(), ["confirmed"] = true });

        Assert.Equal((HttpStatusCode.Forbidden, "FS5052"), (status, own.Code()));
        Assert.Equal("approved", other.State());
    }

    private static async Task<JsonElement> IssueAsync(HttpClient caseSystem)
    {
        var (_, answer) = await Post(caseSystem, "/v1/issuance", new JsonObject { ["decision"] = Suspension() });
        return answer;
    }
}
