using System.Text.Json.Nodes;
using Fashen.Api.Access;
using Fashen.Engine.Access;
using Fashen.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Supervision;

/// <summary>What the supervisor is shown, read from the store the suite runs on: a major decision issued without a permit, a decision
/// dressed as 简易程序, an overdue review and publication, a late withdrawal — and a reviewer is refused all of it.</summary>
public sealed class SupervisorViewTests
{
    [Fact]
    public async Task EachKindOfProblem_IsShownToTheSupervisor_FromTheRecord()
    {
        await using var app = FashenApp.Start();
        await SubmitAcceptedAsync(app, "桓市监罚〔2026〕711号");
        var scjg = app.CaseSystem("scjg");
        var document = await UploadAsync(scjg, SampleFiles.Pdf("decision 712"));
        await Post(scjg, "/v1/issued-decisions", IssuedReport(FoodFine("桓市监罚〔2026〕712号"), null, document));
        var simple = FoodFine("桓市监罚〔2026〕713号");
        simple["procedure"] = "简易程序";
        await Post(scjg, "/v1/classifications", simple);
        await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕714号");
        var withdrawn = (await ReportNaturalPersonAsync(app, "桓市监罚〔2026〕715号")).GetProperty("publicationId").GetString()!;
        var (_, approved) = await Post(await app.PersonAsync("li.min"), $"/v1/publications/{withdrawn}/approval", new JsonObject { ["version"] = 1 });
        app.Clock.Advance(TimeSpan.FromDays(40));
        await Post(await app.PersonAsync("li.min"), $"/v1/publications/{withdrawn}/withdrawal", new JsonObject
        {
            ["version"] = approved.Version(), ["grounds"] = "撤销", ["changedOn"] = "2026-03-20", ["reason"] = "复议机关撤销了该处罚决定。",
        });
        await app.RecordedAsync();
        var view = app.Services.GetRequiredService<SupervisorView>();
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        var supervisor = CallerResolver.ForAccount(accounts.FindAccount("jiang.jd")!);
        var reviewer = CallerResolver.ForAccount(accounts.FindAccount("li.min")!);

        Assert.Contains(view.DueReviews(supervisor).Value!, r => r.CaseId == "桓市监罚〔2026〕711号");
        Assert.Contains(view.Findings(supervisor).Value!, f => f.Entry.Type == "alert.issued_without_permit" && f.Entry.Data.Contains("712号", StringComparison.Ordinal));
        Assert.Contains(view.Relabelling(supervisor).Value!, f => f.Entry.Type == "decision.unlawful" && f.Entry.Data.Contains("713号", StringComparison.Ordinal));
        Assert.Contains(view.OverduePublications(supervisor).Value!, p => p.CaseId == "桓市监罚〔2026〕714号");
        Assert.Single(view.LateWithdrawals(supervisor).Value!);
        Assert.Equal("FS5014", view.Findings(reviewer).Error!.Code);
        Assert.Equal("FS5014", view.Coverage(reviewer).Error!.Code);

        // The decisions the signals read are in the record with their classification: every rule of the sample catalogue is listed.
        var coverage = Assert.Single(view.Coverage(supervisor).Value!, c => c.Department == "scjg");
        Assert.True(coverage.Decisions >= 4);
        Assert.Contains(coverage.Rules, r => r.Matched > 0);
    }
}
