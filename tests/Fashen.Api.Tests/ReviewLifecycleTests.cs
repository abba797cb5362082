using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The whole life of a review over real HTTP, and the paths the gate must block.</summary>
public class ReviewLifecycleTests
{
    [Fact]
    public async Task Review_FromClassificationToPermit_EveryStepRecorded()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");

        // The case system asks whether the decision is major.
        var (status, classification) = await Post(caseSystem, "/v1/classifications", FoodFine());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("major", classification.GetProperty("classification").GetString());

        // It submits with one material missing: Fashen returns it for 补正 at once, the clock paused.
        var incomplete = AllMaterials.Where(m => m != "证据材料");
        (status, var review) = await Post(caseSystem, "/v1/reviews", Submission(FoodFine(), incomplete));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = review.GetProperty("id").GetString()!;
        Assert.Equal("returned", review.State());
        Assert.Equal(["证据材料"], review.GetProperty("missingMaterials").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("paused", review.GetProperty("deadline").GetProperty("dueState").GetString());

        // It resubmits with the evidence on Tuesday: accepted, 7 working days from Wednesday.
        app.Clock.Advance(TimeSpan.FromDays(1));
        (status, review) = await Post(caseSystem, $"/v1/reviews/{id}/resubmissions", Submission(FoodFine()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("accepted", review.State());
        var deadline = review.GetProperty("deadline");
        Assert.Equal("2026-03-03", deadline.GetProperty("materialsCompleteOn").GetString());
        Assert.Equal("2026-03-04", deadline.GetProperty("startsOn").GetString());
        Assert.Equal("2026-03-12", deadline.GetProperty("dueDate").GetString());
        Assert.Equal(["证据材料"], review.GetProperty("rounds")[1].GetProperty("materialsAdded").EnumerateArray().Select(m => m.GetString()));

        // A reviewer takes it and completes the checklist item by item.
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        Assert.Equal("under_review", review.State());
        Assert.All(review.GetProperty("checklist").EnumerateArray(), c => Assert.Equal("pass", c.GetProperty("status").GetString()));

        // Counsel adds an opinion.
        var counsel = await app.PersonAsync("zhou.lawyer");
        (status, review) = await Post(counsel, $"/v1/reviews/{id}/opinions", new JsonObject { ["text"] = "处罚依据充分，裁量适当。" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("周律师", review.GetProperty("opinions")[0].GetProperty("by").GetProperty("name").GetString());

        // The reviewer passes it.
        (status, review) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "同意" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("approved", review.State());
        Assert.Equal("李敏", review.GetProperty("decidedBy").GetProperty("name").GetString());

        // The case system may now issue exactly this decision, with a signed permit it can verify later.
        (status, var issuance) = await Post(caseSystem, "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(issuance.GetProperty("issuable").GetBoolean());
        var permit = issuance.GetProperty("permit");
        Assert.Equal(id, permit.GetProperty("claims").GetProperty("reviewId").GetString());
        (status, var verification) = await Post(caseSystem, "/v1/permits/verification", new JsonObject { ["token"] = permit.GetProperty("token").GetString() });
        Assert.True(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(review.GetProperty("digest").GetString(), verification.GetProperty("claims").GetProperty("decisionDigest").GetString());

        // Every step is in the review's history, chained by hash.
        (status, var history) = await Get(caseSystem, $"/v1/reviews/{id}/history");
        Assert.Equal(
            ["review.submitted", "review.returned", "review.resubmitted", "review.accepted", "review.assigned"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Take(5));
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "review.opinion_added");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "permit.issued");
        var entries = history.EnumerateArray().ToList();
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.True(pair.First.GetProperty("sequence").GetInt64() > pair.Second.GetProperty("sequence").GetInt64()));

        var admin = await app.PersonAsync("admin");
        (status, var record) = await Get(admin, "/v1/record/verification");
        Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());
    }

    [Fact]
    public async Task Issuance_MajorDecisionNeverReviewed_IsRefusedWithFS5023()
    {
        await using var app = FashenApp.Start();

        var (status, answer) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(answer.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5023", answer.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("permit").ValueKind);
    }

    [Fact]
    public async Task Issuance_MinorDecision_IsIssuedWithoutReview()
    {
        await using var app = FashenApp.Start();

        var (_, answer) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine(fine: 20000) });

        Assert.True(answer.GetProperty("issuable").GetBoolean());
        Assert.Equal("minor", answer.GetProperty("classification").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("permit").GetProperty("claims").GetProperty("reviewId").ValueKind);
    }

    [Fact]
    public async Task Issuance_AfterRejection_IsRefusedWithFS5024()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var reviewer = await app.PersonAsync("li.min");
        var (_, assigned) = await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = review.Version() });

        var (status, rejected) = await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome",
            new JsonObject { ["version"] = assigned.Version(), ["outcome"] = "reject", ["reason"] = "主要事实不清，证据不足。" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("rejected", rejected.State());

        var (_, answer) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.False(answer.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5024", answer.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Issuance_DecisionChangedAfterApproval_IsRefusedWithTheChange()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });

        var (_, answer) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine(fine: 90000) });

        Assert.False(answer.GetProperty("issuable").GetBoolean());
        var reason = answer.GetProperty("reasons")[0];
        Assert.Equal("FS5025", reason.GetProperty("code").GetString());
        Assert.Contains("罚款金额：60,000 元 → 90,000 元", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_ResubmissionStartsANewRoundAndShowsWhatChanged()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        var (_, assigned) = await Post(reviewer, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() });
        var (_, corrected) = await Post(reviewer, $"/v1/reviews/{id}/outcome",
            new JsonObject { ["version"] = assigned.Version(), ["outcome"] = "correct", ["reason"] = "罚款数额超出裁量基准，请按基准重新确定。" });
        Assert.Equal("correcting", corrected.State());

        var fixedDecision = FoodFine(fine: 55000);
        ((JsonObject)fixedDecision["facts"]!)["discretion_adjustment"] = "从轻";
        var (status, resubmitted) = await Post(app.CaseSystem("scjg"), $"/v1/reviews/{id}/resubmissions", Submission(fixedDecision));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("under_review", resubmitted.State());
        Assert.Equal("李敏", resubmitted.GetProperty("reviewer").GetProperty("name").GetString());
        Assert.Equal(2, resubmitted.GetProperty("round").GetInt32());
        Assert.All(resubmitted.GetProperty("checklist").EnumerateArray(), c => Assert.Equal("pending", c.GetProperty("status").GetString()));
        var changes = resubmitted.GetProperty("rounds")[1].GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("label").GetString()}：{c.GetProperty("before").GetString()} → {c.GetProperty("after").GetString()}").ToList();
        Assert.Equal(["罚款金额：60,000 元 → 55,000 元", "裁量调整：无 → 从轻"], changes);
    }
}
