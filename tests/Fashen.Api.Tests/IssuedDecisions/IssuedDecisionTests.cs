using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.IssuedDecisions;

/// <summary>Case systems report the decisions they issued; each is checked against its permit. A decision issued as permitted
/// is recorded as such; one issued without a permit the gate would have required, or other than permitted, is recorded with a
/// finding (an alert admins and supervisors list), never refused into silence; a forged permit is refused and recorded.</summary>
public sealed class IssuedDecisionTests : IAsyncLifetime
{
    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheDecisionAsPermitted_IsRecordedWithoutFindings_AndARetryIsTheSameReport()
    {
        var (permit, document) = await ApprovedAndPermittedAsync("桓市监罚〔2026〕301号");

        var first = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕301号"), permit, document), "report-301");
        var again = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕301号"), permit, document), "report-301");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Empty(first.Body.GetProperty("findings").EnumerateArray());
        Assert.Equal("major", first.Body.GetProperty("classification").GetString());
        Assert.StartsWith("P", first.Body.GetProperty("permitId").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.Body.GetProperty("sequence").GetInt64(), again.Body.GetProperty("sequence").GetInt64());
        var entry = Assert.Single(_app.Store.ReadAll(), e => e.Type == "decision.issued");
        Assert.Contains("桓市监罚决〔2026〕301号", entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Type.StartsWith("alert.", StringComparison.Ordinal));

        var (_, read) = await Get(_app.CaseSystem("scjg"), $"/v1/issued-decisions/{entry.Sequence}");
        Assert.Equal("桓市监罚决〔2026〕301号", read.GetProperty("documentNumber").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Get(_app.CaseSystem("sthj"), $"/v1/issued-decisions/{entry.Sequence}")).Status);
    }

    [Fact]
    public async Task ADecisionOtherThanPermitted_OrMajorWithoutAPermit_IsRecordedWithAFinding_ThatAdminsSee()
    {
        var (permit, document) = await ApprovedAndPermittedAsync("桓市监罚〔2026〕302号");

        // The permitted case, issued at 9万 instead of 6万.
        var (changed, changedBody) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕302号", 90000), permit, document));
        Assert.Equal(HttpStatusCode.Created, changed);
        var finding = Assert.Single(changedBody.GetProperty("findings").EnumerateArray());
        Assert.Equal("alert.issued_not_as_permitted", finding.GetProperty("code").GetString());
        Assert.Contains("罚款金额", finding.GetProperty("message").GetString(), StringComparison.Ordinal);

        // A major decision never submitted, issued without a permit; and a minor one, which needs none.
        var (_, unpermitted) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕303号"), null, document));
        Assert.Equal("alert.issued_without_permit", Assert.Single(unpermitted.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
        var (_, minor) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕304号", 2000), null, document));
        Assert.Equal("minor", minor.GetProperty("classification").GetString());
        Assert.Empty(minor.GetProperty("findings").EnumerateArray());

        var (_, alerts) = await Get(await _app.PersonAsync("admin"), "/v1/record/alerts");
        var types = alerts.EnumerateArray().Select(a => a.GetProperty("type").GetString()).ToList();
        Assert.Contains("alert.issued_not_as_permitted", types);
        Assert.Contains("alert.issued_without_permit", types);
        Assert.Equal(3, _app.Store.ReadAll().Count(e => e.Type == "decision.issued"));
    }

    [Fact]
    public async Task WhatIsProposedForPublication_IsMaskedByTheDepartmentsRules_AndDueInWorkingDays()
    {
        var document = await UploadAsync(_app.CaseSystem("scjg"), SampleFiles.Pdf("decision on a natural person"));
        var decision = FoodFine("桓市监罚〔2026〕308号", 2000);
        decision["facts"]!["party_type"] = "自然人";
        var report = Report(decision, null, document);
        report["publication"]!["party"] = "张三";
        report["publication"]!["conclusion"] = "张三（身份证号码370321199003074519，联系电话13805331234）销售过期食品，罚款2000元。";

        var (status, recorded) = await ReportAsync(report);

        Assert.Equal(HttpStatusCode.Created, status);
        var proposed = recorded.GetProperty("proposed");
        Assert.Equal("张某某", proposed.GetProperty("party").GetString());
        Assert.Equal("张某某（身份证号码（身份证号码已隐去），联系电话（联系电话已隐去））销售过期食品，罚款2000元。", proposed.GetProperty("conclusion").GetString());
        Assert.Equal(["姓名", "身份证号码", "联系电话"], recorded.GetProperty("maskedKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("2026-03-11", recorded.GetProperty("publicationDueOn").GetString());   // 7 working days after Monday 2 March

        // A company's name is published as it is.
        var (_, company) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕309号", 2000), null, document));
        Assert.Equal("桓台县某某食品有限公司", company.GetProperty("proposed").GetProperty("party").GetString());
    }

    [Fact]
    public async Task AForgedPermit_IsRefused_AndRecorded()
    {
        var (permit, document) = await ApprovedAndPermittedAsync("桓市监罚〔2026〕305号");
        var parts = permit.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace('-', '+').Replace('_', '/').PadRight((parts[1].Length + 3) / 4 * 4, '=')));
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace("305", "306", StringComparison.Ordinal)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var (status, problem) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕306号"), $"{parts[0]}.{forged}.{parts[2]}", document));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("FS5039", problem.Code());
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "alert.invalid_permit_presented");
        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Type == "decision.issued");
    }

    [Fact]
    public async Task AReportWithoutItsOwnDocument_ADateToCome_OrPublicationFields_IsRefused()
    {
        var theirs = await UploadAsync(_app.CaseSystem("sthj"), SampleFiles.Pdf("another department's decision"));
        var document = await UploadAsync(_app.CaseSystem("scjg"), SampleFiles.Pdf("decision document"));

        var (notOwn, notOwnProblem) = await ReportAsync(Report(FoodFine("桓市监罚〔2026〕307号", 2000), null, theirs));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5030"), (notOwn, notOwnProblem.Code()));

        var future = Report(FoodFine("桓市监罚〔2026〕307号", 2000), null, document);
        future["decidedOn"] = "2026-03-10";
        var (later, laterProblem) = await ReportAsync(future);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5040"), (later, laterProblem.Code()));

        var unpublished = Report(FoodFine("桓市监罚〔2026〕307号", 2000), null, document);
        unpublished["publication"]!.AsObject().Remove("party");
        Assert.Equal(HttpStatusCode.BadRequest, (await ReportAsync(unpublished)).Status);
        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Type == "decision.issued");
    }

    private async Task<(string Permit, string Document)> ApprovedAndPermittedAsync(string caseId)
    {
        var scjg = _app.CaseSystem("scjg");
        var (_, review) = await Post(scjg, "/v1/reviews", Submission(FoodFine(caseId)));
        var reviewer = await _app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        await Post(reviewer, $"/v1/reviews/{review.GetProperty("id").GetString()}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        var (_, issuance) = await Post(scjg, "/v1/issuance", new JsonObject { ["decision"] = FoodFine(caseId) });
        Assert.True(issuance.GetProperty("issuable").GetBoolean(), issuance.ToString());
        var document = await UploadAsync(scjg, SampleFiles.Pdf($"行政处罚决定书 {caseId}"));
        return (issuance.GetProperty("permit").GetProperty("token").GetString()!, document);
    }

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> ReportAsync(JsonObject report, string? idempotencyKey = null) =>
        Post(_app.CaseSystem("scjg"), "/v1/issued-decisions", report, idempotencyKey);

    private static JsonObject Report(JsonObject decision, string? permit, string document) => IssuedReport(decision, permit, document);
}
