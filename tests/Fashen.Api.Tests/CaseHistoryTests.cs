using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>A case's history binds it: once a case has a review, a version of its decision under another kind of action,
/// procedure or facts gets no permit without a review of that version; the answer names the review and what differs; the
/// relabelling is an alert admins can list. An identical resubmission returns the review; a changed one opens a new round.</summary>
public sealed class CaseHistoryTests
{
    [Fact]
    public async Task RejectedCase_RelabelledAsSimpleProcedure_GetsNoPermit_NamesTheReview_AndRaisesAnAlert()
    {
        await using var app = FashenApp.Start();
        var id = await DecideAsync(app, "reject");

        // The same case, now declared a 200 元 fine under the simple procedure: lawful in form, exempt by the catalogue alone.
        var relabelled = FoodFine(fine: 200);
        relabelled["procedure"] = "简易程序";
        relabelled["facts"]!["penalty_kinds"] = new JsonArray("罚款");
        var (_, classification) = await Post(app.CaseSystem("scjg"), "/v1/classifications", relabelled.DeepClone());
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = relabelled.DeepClone() });

        Assert.Equal("major", classification.GetProperty("classification").GetString());
        var prior = classification.GetProperty("review");
        Assert.Equal(id, prior.GetProperty("id").GetString());
        Assert.Equal("rejected", prior.GetProperty("state").GetString());
        Assert.False(prior.GetProperty("sameVersion").GetBoolean());
        Assert.Contains(prior.GetProperty("differences").EnumerateArray(), d => d.GetProperty("key").GetString() == "procedure" && d.GetProperty("after").GetString() == "简易程序");
        Assert.Contains($"本案已有法制审核 {id}（不同意）", classification.GetProperty("summary").GetString(), StringComparison.Ordinal);

        Assert.False(issuance.GetProperty("issuable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, issuance.GetProperty("permit").ValueKind);
        var reason = issuance.GetProperty("reasons")[0];
        Assert.Equal("FS5024", reason.GetProperty("code").GetString());
        Assert.Contains("程序：一般程序 → 简易程序", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("罚款金额：60,000 元 → 200 元", reason.GetProperty("message").GetString(), StringComparison.Ordinal);

        var (status, alerts) = await Get(await app.PersonAsync("admin"), "/v1/record/alerts");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, alerts.GetArrayLength());
        Assert.All(alerts.EnumerateArray(), a => Assert.Equal("规避审核嫌疑", a.GetProperty("typeName").GetString()));
        // The classification's alert is written after its answer, so either may come first.
        Assert.Equal(["判定", "申请作出决定"], alerts.EnumerateArray().Select(a => a.GetProperty("data").GetProperty("request").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(await app.PersonAsync("li.min"), "/v1/record/alerts")).Status);
    }

    [Theory]
    [InlineData("行政检查", null)]
    [InlineData(null, 5000)]
    public async Task ApprovedCase_UnderAnotherActionOrAMinorFine_GetsNoPermit(string? action, int? fine)
    {
        await using var app = FashenApp.Start();
        await DecideAsync(app, "approve");
        var other = fine is { } lower ? FoodFine(fine: lower) : new JsonObject
        {
            ["caseId"] = "桓市监罚〔2026〕001号", ["department"] = "scjg", ["action"] = action, ["procedure"] = "一般程序", ["proposedOn"] = "2026-03-02",
            ["facts"] = new JsonObject { ["field"] = "食品安全", ["impact"] = "一般" },
        };

        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = other });

        Assert.False(issuance.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5025", issuance.GetProperty("reasons")[0].GetProperty("code").GetString());
        await app.RecordedAsync();
        Assert.Single(app.Store.Alerts(10), e => e.Type == "alert.review_evasion");

        // The approved version itself is still issued.
        var (_, approved) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.True(approved.GetProperty("issuable").GetBoolean(), approved.ToString());
    }

    [Fact]
    public async Task IdenticalApprovedDecision_Resubmitted_ReturnsTheApprovedReview_AndCanStillBeIssued()
    {
        await using var app = FashenApp.Start();
        var id = await DecideAsync(app, "approve");

        var (status, again) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine()));
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal("approved", again.State());
        Assert.True(issuance.GetProperty("issuable").GetBoolean(), issuance.ToString());
    }

    [Fact]
    public async Task ChangedDecision_AfterApproval_OpensANewRoundOfTheSameReview_WithTheDifferencesShown()
    {
        await using var app = FashenApp.Start();
        var id = await DecideAsync(app, "approve");

        var (status, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(fine: 80000)));
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, review.GetProperty("id").GetString());

        // Materials complete, so accepted at once; the reviewer of the first round goes on with it.
        Assert.Equal("under_review", review.State());
        Assert.Equal("李敏", review.GetProperty("reviewer").GetProperty("name").GetString());
        Assert.Equal(2, review.GetProperty("round").GetInt32());
        var change = Assert.Single(review.GetProperty("rounds").EnumerateArray().Last().GetProperty("changes").EnumerateArray());
        Assert.Equal(("罚款金额", "60,000 元", "80,000 元"), (change.GetProperty("label").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        // The new round is open: neither the old version nor the new one may be issued until it is decided.
        Assert.False(issuance.GetProperty("issuable").GetBoolean());
    }

    [Fact]
    public async Task RelabelledVersion_SubmittedAfterRejection_IsReviewedAsANewRound_AndOnlyThenIssued()
    {
        await using var app = FashenApp.Start();
        var id = await DecideAsync(app, "reject");
        var lowered = FoodFine(fine: 5000);

        var (status, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(lowered.DeepClone().AsObject()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, review.GetProperty("id").GetString());
        Assert.Equal("under_review", review.State());
        Assert.All(review.GetProperty("checklist").EnumerateArray(), c => Assert.Equal("pending", c.GetProperty("status").GetString()));

        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        (status, _) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = lowered });

        Assert.True(issuance.GetProperty("issuable").GetBoolean(), issuance.ToString());
        Assert.Equal(id, issuance.GetProperty("reviewId").GetString());
    }

    // Submits the food-safety fine, completes the checklist and records the outcome; returns the review id.
    private static async Task<string> DecideAsync(FashenApp app, string outcome)
    {
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString()!;
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var (status, decided) = await Post(reviewer, $"/v1/reviews/{id}/outcome",
            new JsonObject { ["version"] = review.Version(), ["outcome"] = outcome, ["reason"] = outcome == "approve" ? null : "主要事实不清，证据不足。" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(outcome == "approve" ? "approved" : "rejected", decided.State());
        return id;
    }
}
