using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The queue's tabs and "mine", party and cause in the list, and giving a review back or handing it on.</summary>
public class QueueAndHandoverTests
{
    [Fact]
    public async Task Handover_GiveBackAndTransfer_AreRecordedWithTheirReasons_AndRespectSeparationOfDuties()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString()!;
        var liMin = await app.PersonAsync("li.min");
        var (_, taken) = await Post(liMin, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() });

        // 王强 handled the case: he may not be handed it. A reason is required. A stranger may not hand it over.
        var (status, problem) = await Post(liMin, $"/v1/reviews/{id}/transfer", new JsonObject { ["version"] = taken.Version(), ["to"] = "wang.qiang", ["reason"] = "工作调整。" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5047"), (status, problem.Code()));
        (status, problem) = await Post(liMin, $"/v1/reviews/{id}/transfer", new JsonObject { ["version"] = taken.Version(), ["to"] = "zhao.lei", ["reason"] = "工作调整。" });
        Assert.Equal("FS5047", problem.Code());
        (status, problem) = await Post(liMin, $"/v1/reviews/{id}/release", new JsonObject { ["version"] = taken.Version(), ["reason"] = "  " });
        Assert.Equal("FS6005", problem.Code());
        (status, problem) = await Post(await app.PersonAsync("wang.fang"), $"/v1/reviews/{id}/release", new JsonObject { ["version"] = taken.Version(), ["reason"] = "我来。" });
        Assert.Equal((HttpStatusCode.Conflict, "FS5046"), (status, problem.Code()));

        var (transferStatus, transferred) = await Post(liMin, $"/v1/reviews/{id}/transfer", new JsonObject { ["version"] = taken.Version(), ["to"] = "wang.fang", ["reason"] = "本人回避。" });
        Assert.Equal(HttpStatusCode.OK, transferStatus);
        Assert.Equal("王芳", transferred.GetProperty("reviewer").GetProperty("name").GetString());
        Assert.Equal("under_review", transferred.State());

        // Once handed on, 李敏 may no longer work on it; 王芳 gives it back, and it waits to be taken.
        (status, problem) = await Post(liMin, $"/v1/reviews/{id}/release", new JsonObject { ["version"] = transferred.Version(), ["reason"] = "撤回。" });
        Assert.Equal("FS5046", problem.Code());
        var (releaseStatus, released) = await Post(await app.PersonAsync("wang.fang"), $"/v1/reviews/{id}/release", new JsonObject { ["version"] = transferred.Version(), ["reason"] = "出差两周。" });
        Assert.Equal(HttpStatusCode.OK, releaseStatus);
        Assert.Equal(JsonValueKindNull, released.GetProperty("reviewer").ValueKind);
        Assert.Equal("accepted", released.State());

        // The head assigns it to someone; the record tells each step with its reason.
        var (headStatus, assigned) = await Post(await app.PersonAsync("sun.head"), $"/v1/reviews/{id}/transfer", new JsonObject { ["version"] = released.Version(), ["to"] = "li.min", ["reason"] = "另行指定。" });
        Assert.Equal(HttpStatusCode.OK, headStatus);
        Assert.Equal("李敏", assigned.GetProperty("reviewer").GetProperty("name").GetString());

        var (_, history) = await Get(liMin, $"/v1/reviews/{id}/history");
        var summaries = history.EnumerateArray().Select(e => (Type: e.GetProperty("type").GetString(), Summary: e.GetProperty("summary").GetString())).ToList();
        Assert.Contains(("review.transferred", "由 李敏 转交 王芳：本人回避。"), summaries);
        Assert.Contains(("review.released", "王芳 不再负责本审核，待其他审核人员领取：出差两周。"), summaries);
        Assert.Contains(("review.transferred", "交由 李敏 审核：另行指定。"), summaries);

        // The index the queue reads is what the record derives.
        var (_, verification) = await Get(await app.PersonAsync("admin"), "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task List_ByTab_AndMine_ShowsPartyAndCause_AndConcludedNewestFirst()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var named = FoodFine("桓市监罚〔2026〕011号");
        named["party"] = "桓台县某某食品有限公司";
        named["cause"] = "销售不符合食品安全标准的食品";
        var (_, first) = await Post(caseSystem, "/v1/reviews", Submission(named));
        var second = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕012号");
        var third = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕013号");
        var liMin = await app.PersonAsync("li.min");

        // 李敏 takes the first and approves the second and third; the third is concluded later.
        await Post(liMin, $"/v1/reviews/{first.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = first.Version() });
        foreach (var review in new[] { second, third })
        {
            var done = await CompleteChecklistAsync(liMin, review);
            app.Clock.Advance(TimeSpan.FromHours(1));
            var (status, _) = await Post(liMin, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = done.Version(), ["outcome"] = "approve" });
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var (_, todo) = await Get(liMin, "/v1/reviews?tab=todo");
        var (_, concluded) = await Get(liMin, "/v1/reviews?tab=办结");
        var (_, mine) = await Get(await app.PersonAsync("wang.fang"), "/v1/reviews?tab=concluded&mine=true");
        var (_, nothing) = await Get(liMin, "/v1/reviews?tab=handled&state=approved");
        var (status2, problem) = await Get(liMin, "/v1/reviews?tab=later");

        var item = Assert.Single(todo.GetProperty("items").EnumerateArray());
        Assert.Equal(("桓台县某某食品有限公司", "销售不符合食品安全标准的食品", "todo"),
            (item.GetProperty("party").GetString(), item.GetProperty("cause").GetString(), item.GetProperty("tab").GetString()));
        Assert.Equal(["桓市监罚〔2026〕013号", "桓市监罚〔2026〕012号"], concluded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseId").GetString()));
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
        Assert.Equal(0, nothing.GetProperty("total").GetInt32());
        Assert.Equal((HttpStatusCode.BadRequest, "FS6005"), (status2, problem.Code()));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
