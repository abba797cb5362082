using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Two people acting on the same review at the same moment: exactly one wins, the other is told
/// the review changed, and the record holds only the winner's step.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task TwoReviewers_TakingTheSameReviewAtOnce_ExactlyOneWins()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewers = new[] { await app.PersonAsync("li.min"), await app.PersonAsync("wang.fang") };

        var answers = await Task.WhenAll(reviewers.Select(r => Post(r, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.Status != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.Status);
        Assert.Equal("FS5007", loser.Body.Code());
        Assert.Single(app.Store.ReviewEntries(id!), e => e.Type == "review.assigned");
    }

    [Fact]
    public async Task ApproveAndReject_OfTheSameVersionAtOnce_ExactlyOneIsRecorded()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var secondWindow = await app.PersonAsync("li.min");

        var answers = await Task.WhenAll(
            Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" }),
            Post(secondWindow, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "reject", ["reason"] = "证据不足。" }));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.Status != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.Status);

        // Which refusal depends on when the loser's request read the review: before the winner wrote
        // (the version moved on, FS5007) or after (the review has ended, FS5005).
        Assert.Contains(loser.Body.Code(), new[] { "FS5007", "FS5005" });
        Assert.Single(app.Store.ReviewEntries(id!), e => e.Type == "review.decided");
        var (_, current) = await Get(reviewer, $"/v1/reviews/{id}");
        Assert.Equal(winner.Body.State(), current.State());
    }
}
