using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The gate believes the statute, not the caller: a decision declared 简易程序 beyond 《行政处罚法》第五十一条, or
/// carrying a penalty's facts under another kind of action, is refused with a code naming the article, is never exempt or
/// minor, and the attempt is recorded.</summary>
public sealed class StatutoryFormTests
{
    [Theory]
    [InlineData(60000)]
    [InlineData(100000000)]
    public async Task SimpleProcedureFineBeyondArticle51_IsRefusedEverywhere_AndRecorded(decimal fine)
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var decision = FoodFine(fine: fine);
        decision["procedure"] = "简易程序";
        var entriesBefore = app.Store.ReadAll().Count();

        var (classified, problem) = await Post(caseSystem, "/v1/classifications", decision.DeepClone());
        var (issuedStatus, issuance) = await Post(caseSystem, "/v1/issuance", new JsonObject { ["decision"] = decision.DeepClone() });
        var (submitted, refusal) = await Post(caseSystem, "/v1/reviews", Submission((JsonObject)decision.DeepClone()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, classified);
        Assert.Equal("FS5027", problem.Code());
        Assert.Contains("《中华人民共和国行政处罚法》第五十一条", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("XZCF-51-4", problem.GetProperty("forms").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, issuedStatus);
        Assert.False(issuance.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5027", issuance.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, issuance.GetProperty("permit").ValueKind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted);
        Assert.Equal("FS5027", refusal.Code());

        // Each attempt is in the record: the classification and the submission as decisions refused for their form, the
        // gate's as a refused issuance naming the code.
        await app.RecordedAsync();
        var recorded = app.Store.ReadAll().Skip(entriesBefore).ToList();
        Assert.Equal(2, recorded.Count(e => e.Type == "decision.unlawful"));
        Assert.Contains(recorded, e => e.Type == "issuance.refused" && e.Data.Contains("FS5027", StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, e => e.Type is "permit.issued" or "review.submitted");
    }

    [Theory]
    [InlineData("行政检查")]
    [InlineData("行政收费")]
    [InlineData("行政征收")]
    public async Task FineFactsUnderAnotherKindOfAction_AreRefused_NotMinor(string action)
    {
        await using var app = FashenApp.Start();
        var decision = FoodFine();
        decision["action"] = action;

        var (classified, problem) = await Post(app.CaseSystem("scjg"), "/v1/classifications", decision.DeepClone());
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = decision.DeepClone() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, classified);
        Assert.Equal("FS5027", problem.Code());
        Assert.Contains("facts.yaml:fine_amount", problem.GetProperty("forms").GetString(), StringComparison.Ordinal);
        Assert.Contains("罚款金额", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(issuance.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5027", issuance.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SimpleProcedureWithinArticle51_IsExempt_AndTheAnswerCitesTheArticle()
    {
        await using var app = FashenApp.Start();
        var decision = FoodFine(fine: 3000);
        decision["procedure"] = "简易程序";
        decision["facts"]!["penalty_kinds"] = new JsonArray("罚款");

        var (status, answer) = await Post(app.CaseSystem("scjg"), "/v1/classifications", decision);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("exempt", answer.GetProperty("classification").GetString());
        Assert.Contains("符合《中华人民共和国行政处罚法》第五十一条", answer.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(answer.GetProperty("forms").EnumerateArray(), f => f.GetProperty("id").GetString() == "XZCF-51-4");
    }

    [Fact]
    public async Task SimpleProcedureWithoutThePartysKind_IsUndetermined_NotExempt()
    {
        await using var app = FashenApp.Start();
        var decision = FoodFine(fine: 2000);
        decision["procedure"] = "简易程序";
        decision["facts"]!["penalty_kinds"] = new JsonArray("罚款");
        decision["facts"]!.AsObject().Remove("party_type");

        var (_, answer) = await Post(app.CaseSystem("scjg"), "/v1/classifications", decision.DeepClone());
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = decision });

        Assert.Equal("undetermined", answer.GetProperty("classification").GetString());
        Assert.Equal("party_type", answer.GetProperty("missingFacts")[0].GetProperty("key").GetString());
        Assert.False(issuance.GetProperty("issuable").GetBoolean());
    }
}
