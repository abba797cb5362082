using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The rules of the review itself, as the legal office's own rules describe them.</summary>
public class WorkflowRulesTests
{
    [Fact]
    public async Task Approve_WithUncheckedItems_IsRefusedWithFS5008()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var reviewer = await app.PersonAsync("li.min");

        var (status, problem) = await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5008", problem.Code());
        Assert.Contains("执法主体", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correct")]
    [InlineData("reject")]
    [InlineData("refer")]
    public async Task OutcomeOtherThanApprove_WithoutReason_IsRefusedWithFS5009(string outcome)
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var reviewer = await app.PersonAsync("li.min");

        var (status, problem) = await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = outcome });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5009", problem.Code());
    }

    [Fact]
    public async Task Approve_WhenARuleRequiresCounsel_WaitsForAnOpinion()
    {
        await using var app = FashenApp.Start();
        var decision = FoodFine();
        ((JsonObject)decision["facts"]!)["complexity"] = new JsonObject { ["raisedBy"] = "刘洋", ["reason"] = "涉及食品安全与广告两个法律关系" };
        var (_, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(decision));
        Assert.True(review.GetProperty("counselRequired").GetBoolean());
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);

        var (status, problem) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5010", problem.Code());
        Assert.Contains("SC-G-03", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var counsel = await app.PersonAsync("zhou.lawyer");
        var (_, withOpinion) = await Post(counsel, $"/v1/reviews/{id}/opinions", new JsonObject { ["text"] = "同意审核意见。" });
        (status, review) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = withOpinion.Version(), ["outcome"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("approved", review.State());
    }

    [Fact]
    public async Task Reviewer_WhoHandledTheCase_IsRefusedWithFS5011()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);

        // 王强 submitted the case; a reviewer account with that name may not take it.
        var handler = await app.PersonAsync("wang.qiang");
        var (status, problem) = await Post(handler, $"/v1/reviews/{review.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = review.Version() });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FS5011", problem.Code());
    }

    [Fact]
    public async Task FirstTimeReviewer_WithoutQualification_MayCheckButNotDecide()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var newcomer = await app.PersonAsync("xin.ran");
        review = await CompleteChecklistAsync(newcomer, review);

        var (status, problem) = await Post(newcomer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FS5012", problem.Code());
        Assert.Contains("第五十八条", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TakenByOneReviewer_CannotBeWorkedByAnother()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var first = await app.PersonAsync("li.min");
        var (_, taken) = await Post(first, $"/v1/reviews/{review.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = review.Version() });
        var second = await app.PersonAsync("wang.fang");

        var (status, problem) = await Send(second, HttpMethod.Put, $"/v1/reviews/{review.GetProperty("id").GetString()}/checklist/{Uri.EscapeDataString("审核要点:程序")}",
            new JsonObject { ["version"] = taken.Version(), ["status"] = "pass" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FS5018", problem.Code());
    }

    [Fact]
    public async Task Checklist_ProblemWithoutNote_IsRefused_AndWithNoteIsKept()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        var item = Uri.EscapeDataString("审核要点:事实认定与证据");

        var (status, problem) = await Send(reviewer, HttpMethod.Put, $"/v1/reviews/{id}/checklist/{item}", new JsonObject { ["version"] = review.Version(), ["status"] = "problem" });
        Assert.Equal("FS5022", problem.Code());

        (status, review) = await Send(reviewer, HttpMethod.Put, $"/v1/reviews/{id}/checklist/{item}",
            new JsonObject { ["version"] = review.Version(), ["status"] = "problem", ["note"] = "现场检查笔录缺少当事人签字。" });
        Assert.Equal(HttpStatusCode.OK, status);
        var entry = review.GetProperty("checklist").EnumerateArray().Single(c => c.GetProperty("title").GetString() == "事实认定与证据");
        Assert.Equal(("problem", "现场检查笔录缺少当事人签字。", "李敏"), (entry.GetProperty("status").GetString(), entry.GetProperty("note").GetString(), entry.GetProperty("by").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Return_PausesTheClock_AndResubmissionResumesWithTheDaysLeft()
    {
        await using var app = FashenApp.Start();

        // Accepted Monday 2 March: 7 working days from Tuesday 3 March, due Wednesday 11 March.
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        Assert.Equal("2026-03-11", review.GetProperty("deadline").GetProperty("dueDate").GetString());

        // Returned on Thursday 5 March, after 3 working days (Tue, Wed, Thu).
        app.Clock.Advance(TimeSpan.FromDays(3));
        var reviewer = await app.PersonAsync("li.min");
        var (_, returned) = await Post(reviewer, $"/v1/reviews/{id}/return",
            new JsonObject { ["version"] = review.Version(), ["missingMaterials"] = new JsonArray("听证笔录"), ["note"] = "当事人曾申请听证，请补充听证笔录。" });
        Assert.Equal("returned", returned.State());
        Assert.Equal(3, returned.GetProperty("deadline").GetProperty("consumedWorkingDays").GetInt32());
        Assert.Equal("paused", returned.GetProperty("deadline").GetProperty("dueState").GetString());

        // Resubmitted the next Monday, 9 March: the 4 days left run from Tuesday, due Friday 13 March.
        app.Clock.Advance(TimeSpan.FromDays(4));
        var (_, resumed) = await Post(app.CaseSystem("scjg"), $"/v1/reviews/{id}/resubmissions", Submission(FoodFine(), [.. AllMaterials, "听证笔录"]));
        Assert.Equal("2026-03-13", resumed.GetProperty("deadline").GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Extension_ApprovedByTheHeadOnce_MovesTheDueDate()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        var head = await app.PersonAsync("sun.head");

        var (_, requested) = await Post(reviewer, $"/v1/reviews/{id}/extension", new JsonObject { ["version"] = review.Version(), ["reason"] = "案情复杂，需要调取补充证据。" });
        Assert.True(requested.GetProperty("extension").GetProperty("decision").ValueKind == System.Text.Json.JsonValueKind.Null);

        var (status, problem) = await Post(reviewer, $"/v1/reviews/{id}/extension/decision", new JsonObject { ["version"] = requested.Version(), ["approved"] = true });
        Assert.Equal("FS5014", problem.Code());

        (status, var approved) = await Post(head, $"/v1/reviews/{id}/extension/decision", new JsonObject { ["version"] = requested.Version(), ["approved"] = true, ["reason"] = "同意延长。" });
        Assert.Equal(HttpStatusCode.OK, status);
        var deadline = approved.GetProperty("deadline");
        Assert.True(deadline.GetProperty("extensionGranted").GetBoolean());

        // 11 March plus 3 working days: 16 March (the weekend of 14–15 March is not counted).
        Assert.Equal("2026-03-16", deadline.GetProperty("dueDate").GetString());
        Assert.Equal("孙局长", approved.GetProperty("extension").GetProperty("decision").GetProperty("by").GetProperty("name").GetString());

        (status, problem) = await Post(reviewer, $"/v1/reviews/{id}/extension", new JsonObject { ["version"] = approved.Version(), ["reason"] = "再延长。" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("FS5015", problem.Code());
    }

    [Fact]
    public async Task Queue_FiltersByDueState_AsTheClockMoves()
    {
        await using var app = FashenApp.Start();
        await SubmitAcceptedAsync(app, "案1");
        var reviewer = await app.PersonAsync("li.min");

        async Task<int> Count(string due) => (await Get(reviewer, $"/v1/reviews?due={due}")).Body.GetProperty("total").GetInt32();

        Assert.Equal((1, 0, 0), (await Count("on_time"), await Count("due_soon"), await Count("overdue")));

        // Tuesday 10 March: due Wednesday 11 March, the next working day.
        app.Clock.Advance(TimeSpan.FromDays(8));
        reviewer = await app.PersonAsync("li.min");
        Assert.Equal((0, 1, 0), (await Count("on_time"), await Count("due_soon"), await Count("overdue")));

        // Thursday 12 March: overdue.
        app.Clock.Advance(TimeSpan.FromDays(2));
        reviewer = await app.PersonAsync("li.min");
        Assert.Equal((0, 0, 1), (await Count("on_time"), await Count("due_soon"), await Count("overdue")));
        var (_, list) = await Get(reviewer, "/v1/reviews");
        Assert.Equal("已超期", list.GetProperty("items")[0].GetProperty("dueStateLabel").GetString());
    }

    [Fact]
    public async Task Reclassification_WhenAHearingIsHeldLater_IsRecorded()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var decision = FoodFine(fine: 3000);
        ((JsonObject)decision["facts"]!)["party_type"] = "自然人";
        var (_, first) = await Post(caseSystem, "/v1/classifications", decision);
        Assert.Equal("minor", first.GetProperty("classification").GetString());

        // The party asks for a hearing and the case handler judges its rights gravely affected.
        var facts = (JsonObject)decision["facts"]!;
        facts["hearing_held"] = true;
        facts["major_rights_impact"] = new JsonObject { ["raisedBy"] = "刘洋", ["reason"] = "拟处罚影响当事人唯一经营场所。" };
        var (_, second) = await Post(caseSystem, "/v1/classifications", decision);
        Assert.Equal("major", second.GetProperty("classification").GetString());

        await app.RecordedAsync();
        var entries = app.Store.ReadAll().ToList();
        var reclassified = Assert.Single(entries, e => e.Type == "decision.reclassified");
        var data = JsonNode.Parse(reclassified.Data)!;
        Assert.Equal("minor", data["before"]!["classification"]!.GetValue<string>());
        Assert.Equal("major", data["after"]!["classification"]!.GetValue<string>());
        Assert.Equal("SC-P-06", data["after"]!["rules"]![0]!.GetValue<string>());
    }
}
