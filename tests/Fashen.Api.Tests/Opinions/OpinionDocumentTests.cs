using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Opinions;

/// <summary>The review opinion (法制审核意见书) as an archived document: a PDF made with the outcome (or at its first request),
/// read back here by another PDF library (PdfPig); numbered from the catalogue's template by the outcome's place in the
/// department's year; kept in the case file with its hash in the record; the same text as the JSON (and the page).</summary>
public sealed class OpinionDocumentTests : IAsyncLifetime
{
    private const string Party = "桓台县某某食品有限公司";

    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOpinion_IsAOnePageA4Pdf_InTheCaseFile_SayingWhatTheJsonSays()
    {
        var id = await DecidedAsync("桓市监罚〔2026〕201号", "approve");
        var reviewer = await _app.PersonAsync("li.min");

        var (status, opinion) = await Get(reviewer, $"/v1/reviews/{id}/opinion");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("桓市监法审〔2026〕1号", opinion.GetProperty("number").GetString());
        Assert.Equal("二〇二六年三月二日", opinion.GetProperty("date").GetString());

        using var response = await reviewer.GetAsync($"/v1/reviews/{id}/opinion.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("法制审核意见书（桓市监法审〔2026〕1号）.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(opinion.GetProperty("sha256").GetString(), SampleFiles.Sha256(pdf));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        var text = string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var expected in new[] { "桓台县市场监督管理局", "法制审核意见书", "桓市监法审〔2026〕1号", Party, "二〇二六年三月二日",
            "审核人员（签名）：李敏", "法制机构负责人（签名）：", "（法制机构印章）", "同意。" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"“{expected}” is not in the PDF's text: {text}");
        }

        // Every paragraph of the JSON is in the PDF, and the facts are sentences, not "label：value" fields.
        foreach (var section in opinion.GetProperty("sections").EnumerateArray())
        {
            Assert.Contains(section.GetProperty("label").GetString()!, text, StringComparison.Ordinal);
            foreach (var paragraph in section.GetProperty("paragraphs").EnumerateArray())
            {
                Assert.Contains(paragraph.GetString()!.Replace(" ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
            }
        }

        var facts = Section(opinion, "主要事实");
        Assert.All(facts, f => Assert.EndsWith("。", f, StringComparison.Ordinal));
        Assert.Contains(facts, f => f.StartsWith($"当事人{Party}，", StringComparison.Ordinal) && f.Contains("所属领域为食品安全", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.StartsWith("拟按一般程序作出行政处罚决定，罚款金额为", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Contains("。。", StringComparison.Ordinal));

        // In the record: the archive names the number and the hash, the PDF is a file of the case file, and reading it is recorded.
        var archived = Assert.Single(_app.Store.ReadAll(), e => e.Type == "opinion.archived");
        Assert.Equal(id, archived.ReviewId);
        Assert.Contains(opinion.GetProperty("sha256").GetString()!, archived.Data, StringComparison.Ordinal);
        Assert.Contains("桓市监法审〔2026〕1号", archived.Data, StringComparison.Ordinal);
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "file.read" && e.Actor.Id == "li.min" && e.Data.Contains(opinion.GetProperty("sha256").GetString()!, StringComparison.Ordinal));
        using var inCaseFile = await reviewer.GetAsync($"/v1/reviews/{id}/files/{opinion.GetProperty("sha256").GetString()}");
        Assert.Equal(pdf, await inCaseFile.Content.ReadAsByteArrayAsync());

        // Asked for again: the same document, archived once.
        var (_, again) = await Get(reviewer, $"/v1/reviews/{id}/opinion");
        Assert.Equal(opinion.GetProperty("sha256").GetString(), again.GetProperty("sha256").GetString());
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "opinion.archived");
    }

    [Fact]
    public async Task Opinions_AreNumberedInTheOrderTheyWereGiven_NotTheOrderTheyWereFirstRead()
    {
        var first = await DecidedAsync("桓市监罚〔2026〕202号", "approve");
        var second = await DecidedAsync("桓市监罚〔2026〕203号", "reject");
        var reviewer = await _app.PersonAsync("li.min");

        var (_, later) = await Get(reviewer, $"/v1/reviews/{second}/opinion");
        var (_, earlier) = await Get(reviewer, $"/v1/reviews/{first}/opinion");

        Assert.Equal("桓市监法审〔2026〕2号", later.GetProperty("number").GetString());
        Assert.Equal("桓市监法审〔2026〕1号", earlier.GetProperty("number").GetString());
        Assert.StartsWith("不同意。", Section(later, "审核意见").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewWithoutAnOutcome_HasNoOpinion_AnOutcomeHasItArchivedAtOnce_AndOtherDepartmentsSeeNone()
    {
        var (_, review) = await Post(_app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine("桓市监罚〔2026〕204号")));
        var id = review.GetProperty("id").GetString();

        var (status, problem) = await Get(await _app.PersonAsync("li.min"), $"/v1/reviews/{id}/opinion");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("FS5034", problem.Code());

        // Archived with the outcome, before anyone reads it; a reviewer of another department reads nothing.
        var decided = await DecidedAsync("桓市监罚〔2026〕205号", "approve");
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "opinion.archived" && e.ReviewId == decided);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(await _app.PersonAsync("zhao.lei"), $"/v1/reviews/{decided}/opinion.pdf")).Status);
        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Type == "file.read");
    }

    [Fact]
    public async Task WithoutItsFont_TheOpinionIsNotMade_TheOutcomeStands_AndReadinessSaysWhy()
    {
        await using var app = FashenApp.Start(new Dictionary<string, string> { ["Fashen:OpinionFont"] = "/nonexistent/cjk.ttf" });
        var id = await DecidedAsync(app, "桓市监罚〔2026〕206号", "approve");

        var (status, problem) = await Get(await app.PersonAsync("li.min"), $"/v1/reviews/{id}/opinion");
        using var ready = await app.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("FS5035", problem.Code());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Type == "opinion.archived");
        var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFineWithParty("桓市监罚〔2026〕206号") });
        Assert.True(issuance.GetProperty("issuable").GetBoolean());
    }

    private static IReadOnlyList<string> Section(JsonElement opinion, string label) =>
        opinion.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("label").GetString() == label)
            .GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();

    private static JsonObject FoodFineWithParty(string caseId)
    {
        var decision = FoodFine(caseId);
        decision["party"] = Party;
        return decision;
    }

    private Task<string> DecidedAsync(string caseId, string outcome) => DecidedAsync(_app, caseId, outcome);

    private static async Task<string> DecidedAsync(FashenApp app, string caseId, string outcome)
    {
        var (_, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFineWithParty(caseId)));
        var id = review.GetProperty("id").GetString()!;
        var reviewer = await app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var body = new JsonObject { ["version"] = review.Version(), ["outcome"] = outcome };
        if (outcome != "approve")
        {
            body["reason"] = "处罚依据不足，请补充调查。";
        }

        var (status, decided) = await Post(reviewer, $"/v1/reviews/{id}/outcome", body);
        Assert.True(status == HttpStatusCode.OK, decided.ToString());
        return id;
    }
}
