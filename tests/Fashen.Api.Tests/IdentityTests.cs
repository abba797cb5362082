using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Identifiers are exact and names are people: case ids, idempotency keys and API key ids that differ only in
/// capitals are different on both stores; a submission names people known to the service, so that a title, a space or an
/// invisible character cannot get a handler past separation of duties; sign-in names are normalised and a failure costs the
/// same work whether or not the account exists.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task CaseIds_DifferingOnlyInCapitals_AreTwoCases()
    {
        await using var app = FashenApp.Start();

        var (first, upper) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine("SCJG-A-1")));
        var (second, lower) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine("scjg-a-1")));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first, second));
        Assert.NotEqual(upper.GetProperty("id").GetString(), lower.GetProperty("id").GetString());
        Assert.Equal("SCJG-A-1", app.Store.LatestReviewFor("scjg", "SCJG-A-1")!.CaseId);
        Assert.Equal("scjg-a-1", app.Store.LatestReviewFor("scjg", "scjg-a-1")!.CaseId);
        Assert.Null(app.Store.LatestReviewFor("scjg", "Scjg-A-1"));
    }

    [Fact]
    public async Task IdempotencyKeys_DifferingOnlyInCapitals_AreTwoKeys()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");

        var answers = new[]
        {
            await Post(caseSystem, "/v1/reviews", Submission(FoodFine("K-1")), idempotencyKey: "Key-1"),
            await Post(caseSystem, "/v1/reviews", Submission(FoodFine("K-2")), idempotencyKey: "key-1"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(2, answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task ApiKey_WithItsIdInOtherCapitals_IsNotAKey()
    {
        await using var app = FashenApp.Start();
        var genuine = app.CaseSystem("scjg").DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var id = genuine.Split('_')[1];
        var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Add("X-Api-Key", genuine.Replace(id, id.ToUpperInvariant(), StringComparison.Ordinal));

        var (status, problem) = await Get(forged, "/v1/reviews");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("FS6003", problem.Code());
    }

    [Theory]
    [InlineData("王强（科长）", "王强（wang.qiang）")]
    [InlineData("王 强", "王强（wang.qiang）")]
    [InlineData("王强\u200b", "U+200B")]
    [InlineData("张三", "")]
    public async Task Submission_NamingSomeoneUnknown_IsRefusedWithTheClosestPeople(string submitter, string shown)
    {
        await using var app = FashenApp.Start();
        var submission = Submission(FoodFine());
        submission["submittedBy"] = submitter;

        var (status, problem) = await Post(app.CaseSystem("scjg"), "/v1/reviews", submission);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5028", problem.Code());
        Assert.Contains(shown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Type == "review.submitted");
    }

    [Fact]
    public async Task Handler_NamedBySignInName_IsTheSamePerson_AndMayNotReviewTheCase()
    {
        await using var app = FashenApp.Start();
        var submission = Submission(FoodFine());
        submission["submittedBy"] = "liu.yang";
        submission["handledBy"] = new JsonArray("ｗａｎｇ.ｑｉａｎｇ");

        var (status, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", submission);
        var handler = await app.PersonAsync("wang.qiang");
        var (taken, problem) = await Post(handler, $"/v1/reviews/{review.GetProperty("id").GetString()}/assignment", new JsonObject { ["version"] = review.Version() });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("刘洋", review.GetProperty("submitterName").GetString());
        Assert.Equal(["王强"], review.GetProperty("handledBy").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, taken);
        Assert.Equal("FS5011", problem.Code());
    }

    [Fact]
    public async Task SignIn_WithAnInvisibleCharacter_IsRefusedOutright_AndGivesNoMoreGuesses()
    {
        await using var app = FashenApp.Start();
        var client = app.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = "guess " + attempt });
        }

        var hidden = await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min\u200b", password = FashenApp.Password });
        var wide = await client.PostAsJsonAsync("/v1/auth/token", new { username = "ｌｉ.ｍｉｎ", password = FashenApp.Password });

        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("\"FS6014\"", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, wide.StatusCode);
    }

    [Fact]
    public async Task SignIn_FullWidthName_IsTheSameAccount()
    {
        await using var app = FashenApp.Start();

        var response = await app.Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "ｌｉ.ｍｉｎ", password = FashenApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FailedSignIn_OfAnUnknownName_ChecksAPasswordAsAKnownOneDoes()
    {
        await using var app = FashenApp.Start();
        var passwords = app.Services.GetRequiredService<PasswordCheck>();
        var client = app.Anonymous();

        var before = passwords.Checks;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/v1/auth/token", new { username = "no.such.person", password = "x" })).StatusCode);
        var afterUnknown = passwords.Checks;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = "x" })).StatusCode);

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, passwords.Checks - afterUnknown);
    }
}
