using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>A case system that retries a request — after a timeout, a dropped connection — never
/// creates a second review or a second permit.</summary>
public class IdempotencyTests
{
    [Fact]
    public async Task Submission_RetriedWithTheSameKey_ReturnsTheSameReview()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");

        var (first, review) = await Post(caseSystem, "/v1/reviews", Submission(FoodFine()), idempotencyKey: "submit-001");
        var entries = app.Store.ReadAll().Count();
        var (second, retried) = await Post(caseSystem, "/v1/reviews", Submission(FoodFine()), idempotencyKey: "submit-001");

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Created, second);
        Assert.Equal(review.GetProperty("id").GetString(), retried.GetProperty("id").GetString());
        Assert.Equal(entries, app.Store.ReadAll().Count());
    }

    [Fact]
    public async Task Submission_SameKeyForADifferentRequest_IsRefusedWithFS5019()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        await Post(caseSystem, "/v1/reviews", Submission(FoodFine()), idempotencyKey: "submit-001");
        var entries = app.Store.ReadAll().Count();

        var (status, problem) = await Post(caseSystem, "/v1/reviews", Submission(FoodFine("桓市监罚〔2026〕002号")), idempotencyKey: "submit-001");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5019", problem.Code());
        Assert.Equal(entries, app.Store.ReadAll().Count());
    }

    [Fact]
    public async Task Submission_KeysAreTheCallersOwn()
    {
        await using var app = FashenApp.Start();
        var (_, food) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine()), idempotencyKey: "k1");

        // Another case system happens to use the same key: its request is its own.
        var (status, environment) = await Post(app.CaseSystem("sthj"), "/v1/reviews", Submission(EnvironmentFine()), idempotencyKey: "k1");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(food.GetProperty("id").GetString(), environment.GetProperty("id").GetString());
        Assert.Equal("sthj", environment.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Submission_ConcurrentRetries_CreateOneReview()
    {
        await using var app = FashenApp.Start();
        var clients = Enumerable.Range(0, 8).Select(_ => app.CaseSystem("scjg")).ToList();

        var answers = await Task.WhenAll(clients.Select(c => Post(c, "/v1/reviews", Submission(FoodFine()), idempotencyKey: "submit-burst")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct());
        Assert.Single(app.Store.ReadAll(), e => e.Type == "review.submitted");
    }

    [Fact]
    public async Task Issuance_RetriedWithTheSameKey_ReturnsTheSamePermit()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var minor = new JsonObject { ["decision"] = FoodFine(fine: 20000) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Post(app.CaseSystem("scjg"), "/v1/issuance", minor, idempotencyKey: "issue-001")));
        var (_, later) = await Post(caseSystem, "/v1/issuance", minor, idempotencyKey: "issue-001");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var permits = answers.Append((HttpStatusCode.OK, later)).Select(a => a.Item2.GetProperty("permit").GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(permits);
        Assert.Single(app.Store.ReadAll(), e => e.Type == "permit.issued");

        var (status, problem) = await Post(caseSystem, "/v1/issuance", new JsonObject { ["decision"] = FoodFine(fine: 30000) }, idempotencyKey: "issue-001");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5019", problem.Code());
    }

    private static JsonObject EnvironmentFine() => new()
    {
        ["caseId"] = "桓环罚〔2026〕001号",
        ["department"] = "sthj",
        ["action"] = "行政处罚",
        ["procedure"] = "一般程序",
        ["facts"] = new JsonObject { ["当事人类型"] = "法人", ["罚款金额"] = "30万元", ["没收金额"] = 0, ["处罚种类"] = new JsonArray("罚款"), ["涉嫌犯罪"] = false },
    };
}
