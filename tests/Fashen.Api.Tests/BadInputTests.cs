using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Every kind of bad input gets problem+json with a stable code and a Chinese message, and
/// leaves nothing half-written.</summary>
public class BadInputTests
{
    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body, string Text)> Raw(HttpClient client, string path, string body, string contentType = "application/json")
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{(int)response.StatusCode} {path}: {text}");
        return (response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    [Fact]
    public async Task BadRequests_AnswerWithCodes_AndWriteNothing()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var caseSystem = app.CaseSystem("scjg");
        var reviewer = await app.PersonAsync("li.min");
        var before = app.Store.ReadAll().Count();

        var unknownDepartment = Submission(FoodFine("新案1"));
        unknownDepartment["decision"]!["department"] = "gaj";
        var wrongType = Submission(FoodFine("新案2"));
        wrongType["decision"]!["facts"]!["fine_amount"] = "六万余";
        var missingField = Submission(FoodFine("新案3"));
        ((JsonObject)missingField["decision"]!).Remove("caseId");
        var missingFact = Submission(FoodFine("新案4"));
        ((JsonObject)missingFact["decision"]!["facts"]!).Remove("party_type");
        ((JsonObject)missingFact["decision"]!["facts"]!)["fine_amount"] = 200000;
        missingFact["decision"]!["facts"]!["field"] = "市场监管";

        var cases = new (string Name, Func<Task<(HttpStatusCode, System.Text.Json.JsonElement, string)>> Send, HttpStatusCode Status, string Code)[]
        {
            ("malformed JSON", () => Raw(caseSystem, "/v1/reviews", "{\"decision\": {\"caseId\": "), HttpStatusCode.BadRequest, "FS6001"),
            ("malformed JSON, typed body", () => Raw(reviewer, $"/v1/reviews/{id}/outcome", "{\"version\": 3,, }"), HttpStatusCode.BadRequest, "FS6001"),
            ("not JSON", () => Raw(caseSystem, "/v1/reviews", "caseId=1", "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "FS6006"),
            ("unknown department", () => Raw(caseSystem, "/v1/reviews", unknownDepartment.ToJsonString()), HttpStatusCode.UnprocessableEntity, "FS5021"),
            ("wrong fact type", () => Raw(caseSystem, "/v1/reviews", wrongType.ToJsonString()), HttpStatusCode.UnprocessableEntity, "FS5021"),
            ("missing required field", () => Raw(caseSystem, "/v1/reviews", missingField.ToJsonString()), HttpStatusCode.UnprocessableEntity, "FS5021"),
            ("missing fact a rule needs", () => Raw(caseSystem, "/v1/reviews", missingFact.ToJsonString()), HttpStatusCode.UnprocessableEntity, "FS5003"),
            ("oversized body", () => Raw(caseSystem, "/v1/reviews", "{\"decision\": {}, \"materials\": [\"" + new string('材', 200_000) + "\"]}"), HttpStatusCode.RequestEntityTooLarge, "FS6002"),
            ("missing version", () => Raw(reviewer, $"/v1/reviews/{id}/outcome", "{\"outcome\": \"approve\"}"), HttpStatusCode.BadRequest, "FS6005"),
            ("stale version", () => Raw(reviewer, $"/v1/reviews/{id}/assignment", "{\"version\": 1}"), HttpStatusCode.Conflict, "FS5007"),
            ("unknown outcome", () => Raw(reviewer, $"/v1/reviews/{id}/outcome", "{\"version\": 2, \"outcome\": \"maybe\"}"), HttpStatusCode.BadRequest, "FS6005"),
            ("unknown review", () => Raw(reviewer, "/v1/reviews/R00000000-none/assignment", "{\"version\": 1}"), HttpStatusCode.NotFound, "FS5001"),
            ("unknown route", () => Raw(reviewer, "/v1/nothing", "{}"), HttpStatusCode.NotFound, "FS6008"),
            ("wrong method", () => Raw(reviewer, "/v1/catalogues/scjg", "{}"), HttpStatusCode.MethodNotAllowed, "FS6011"),
        };

        foreach (var (name, send, status, code) in cases)
        {
            var (actualStatus, body, text) = await send();
            Assert.True(status == actualStatus, $"{name}: {actualStatus} {text}");
            Assert.True(code == body.Code(), $"{name}: {text}");
            Assert.Matches("[\u4e00-\u9fff]", body.GetProperty("detail").GetString());
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }

        Assert.Equal(before, app.Store.ReadAll().Count());
    }

    [Fact]
    public async Task WrongDecision_DiagnosticsPointIntoTheRequestBody()
    {
        await using var app = FashenApp.Start();
        var body = "{\n  \"decision\": {\n    \"caseId\": \"c\", \"department\": \"scjg\", \"action\": \"行政处罚\", \"procedure\": \"一般程序\",\n    \"facts\": { \"罚款金额\": \"六万余\", \"当事人类型\": \"公司\" }\n  },\n  \"submittedBy\": \"王强\"\n}";

        var (status, problem, _) = await Raw(app.CaseSystem("scjg"), "/v1/reviews", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var diagnostics = problem.GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32())).ToList();
        Assert.Equal([("FS4002", 4, 24), ("FS4003", 4, 40)], diagnostics);
    }

    [Fact]
    public async Task Outcome_OnAClosedReview_IsRefusedWithFS5005()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var (_, approved) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });

        var (status, problem) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = approved.Version(), ["outcome"] = "reject", ["reason"] = "改变主意。" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("FS5005", problem.Code());
    }

    [Fact]
    public async Task SecondSubmission_ForACaseUnderReview_ReturnsItWhenIdentical_AndPointsToItWhenChanged()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);

        var (same, answered) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine()));
        var (changed, problem) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(fine: 70000)));

        Assert.Equal(HttpStatusCode.OK, same);
        Assert.Equal(review.GetProperty("id").GetString(), answered.GetProperty("id").GetString());
        Assert.Equal(review.Version(), answered.Version());
        Assert.Equal(HttpStatusCode.Conflict, changed);
        Assert.Equal("FS5004", problem.Code());
        Assert.Equal(review.GetProperty("id").GetString(), problem.GetProperty("reviewId").GetString());
    }
}
