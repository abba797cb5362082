using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Publication;

/// <summary>Each reported decision waits, masked, for the legal office: it sees the masked text beside the original, approves
/// or corrects it, and the publication is due in working days (flagged when overdue); what is published can be corrected with a
/// dated note, or withdrawn with its grounds and reason. Every step is version-checked and in the record. Both stores.</summary>
public sealed class DecisionPublicationTests : IAsyncLifetime
{
    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLegalOffice_SeesTheMaskedTextBesideTheOriginal_AndApprovesIt()
    {
        var id = await ReportNaturalPersonAsync("桓市监罚〔2026〕401号");
        var reviewer = await _app.PersonAsync("li.min");

        var (_, queue) = await Get(reviewer, "/v1/publications?state=pending");
        var pending = Assert.Single(queue.EnumerateArray());
        Assert.Equal(id, pending.GetProperty("id").GetString());
        Assert.Equal("2026-03-11", pending.GetProperty("dueOn").GetString());
        Assert.False(pending.GetProperty("overdue").GetBoolean());
        var content = pending.GetProperty("content");
        Assert.Equal("张三", content.GetProperty("original").GetProperty("party").GetString());
        Assert.Equal("张某某", content.GetProperty("proposed").GetProperty("party").GetString());
        Assert.DoesNotContain("370321199003074519", content.GetProperty("proposed").GetProperty("conclusion").GetString(), StringComparison.Ordinal);

        // Another department's reviewer sees nothing of it; a case system may not work the queue.
        var (_, theirs) = await Get(await _app.PersonAsync("zhao.lei"), "/v1/publications");
        Assert.Empty(theirs.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(_app.CaseSystem("scjg"), "/v1/publications")).Status);

        var (approved, published) = await Post(reviewer, $"/v1/publications/{id}/approval", new JsonObject { ["version"] = pending.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("published", published.GetProperty("state").GetString());
        Assert.Equal("2026-03-02", published.GetProperty("publishedOn").GetString());
        Assert.Equal("张某某", published.GetProperty("content").GetProperty("published").GetProperty("party").GetString());
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "publication.approved" && e.Actor.Id == "li.min");

        // Approved once: again, or at the version seen before, is refused.
        var (again, problem) = await Post(reviewer, $"/v1/publications/{id}/approval", new JsonObject { ["version"] = published.GetProperty("version").GetInt64() });
        Assert.Equal((HttpStatusCode.Conflict, "FS5043"), (again, problem.Code()));
        var (stale, staleProblem) = await Post(reviewer, $"/v1/publications/{id}/approval", new JsonObject { ["version"] = 1 });
        Assert.Equal((HttpStatusCode.Conflict, "FS5007"), (stale, staleProblem.Code()));
    }

    [Fact]
    public async Task WhatIsPublished_IsCorrectedWithADatedNote_OrWithdrawnWithItsGrounds()
    {
        var id = await ReportNaturalPersonAsync("桓市监罚〔2026〕402号");
        var reviewer = await _app.PersonAsync("li.min");
        var corrected = Fields("张某某销售过期食品，罚款2000元。");
        var (_, published) = await Post(reviewer, $"/v1/publications/{id}/approval", new JsonObject { ["version"] = 1, ["published"] = corrected });
        Assert.Equal("张某某销售过期食品，罚款2000元。", published.GetProperty("content").GetProperty("published").GetProperty("conclusion").GetString());

        var (_, fixedOne) = await Post(reviewer, $"/v1/publications/{id}/correction", new JsonObject
        {
            ["version"] = published.GetProperty("version").GetInt64(),
            ["published"] = Fields("张某某销售过期食品，罚款2000元，没收过期食品。"),
            ["note"] = "补正执法结论中遗漏的没收内容。",
        });
        var correction = Assert.Single(fixedOne.GetProperty("content").GetProperty("corrections").EnumerateArray());
        Assert.Equal("2026-03-02", correction.GetProperty("on").GetString());
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "publication.corrected" && e.Data.Contains("罚款2000元。", StringComparison.Ordinal));

        var (badGrounds, badProblem) = await Post(reviewer, $"/v1/publications/{id}/withdrawal", Withdrawal(fixedOne, "改判", "2026-03-02"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5044"), (badGrounds, badProblem.Code()));

        var (_, withdrawn) = await Post(reviewer, $"/v1/publications/{id}/withdrawal", Withdrawal(fixedOne, "撤销", "2026-03-02"));
        Assert.Equal("withdrawn", withdrawn.GetProperty("state").GetString());
        var withdrawal = withdrawn.GetProperty("content").GetProperty("withdrawal");
        Assert.Equal(("撤销", false), (withdrawal.GetProperty("grounds").GetString(), withdrawal.GetProperty("late").GetBoolean()));
    }

    [Fact]
    public async Task APublicationPastItsDueDay_IsFlaggedOverdue_AndALateWithdrawalIsMarked()
    {
        var id = await ReportNaturalPersonAsync("桓市监罚〔2026〕403号");

        _app.Clock.Advance(TimeSpan.FromDays(10));   // Thursday 12 March: past Wednesday 11 March
        var reviewer = await _app.PersonAsync("li.min");
        var (_, queue) = await Get(reviewer, "/v1/publications?state=pending");
        Assert.True(Assert.Single(queue.EnumerateArray()).GetProperty("overdue").GetBoolean());

        var (_, published) = await Post(reviewer, $"/v1/publications/{id}/approval", new JsonObject { ["version"] = 1 });
        var (_, withdrawn) = await Post(reviewer, $"/v1/publications/{id}/withdrawal", Withdrawal(published, "确认违法", "2026-03-06"));
        Assert.True(withdrawn.GetProperty("content").GetProperty("withdrawal").GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task APublishedTextChangedInTheDatabase_IsFoundByTheRecordsVerification()
    {
        var id = await ReportNaturalPersonAsync("桓市监罚〔2026〕404号");
        await Post(await _app.PersonAsync("li.min"), $"/v1/publications/{id}/approval", new JsonObject { ["version"] = 1 });
        var admin = await _app.PersonAsync("admin");
        var (_, before) = await Get(admin, "/v1/record/verification");
        Assert.True(before.GetProperty("valid").GetBoolean(), before.ToString());

        // Someone with the database puts the party's real name back into the published text, past Fashen.
        var stored = _app.Store.Publications.FindPublication(id)!;
        var content = (JsonObject)stored.Content.DeepClone();
        content["published"]!["party"] = "张三";
        _app.Store.Append(new Engine.Reviews.AppendBatch(_app.Clock.GetUtcNow(), [], Publication: stored with { Version = stored.Version + 1, Content = content }));

        var (_, after) = await Get(admin, "/v1/record/verification");
        Assert.False(after.GetProperty("valid").GetBoolean());
        var discrepancy = Assert.Single(after.GetProperty("discrepancies").EnumerateArray());
        Assert.Equal(id, discrepancy.GetProperty("publicationId").GetString());
    }

    private static JsonObject Withdrawal(JsonElement publication, string grounds, string changedOn) => new()
    {
        ["version"] = publication.GetProperty("version").GetInt64(),
        ["grounds"] = grounds,
        ["changedOn"] = changedOn,
        ["reason"] = "行政复议决定撤销了该处罚决定。",
    };

    private static JsonObject Fields(string conclusion) => new()
    {
        ["agency"] = "桓台县市场监督管理局",
        ["party"] = "张某某",
        ["category"] = "行政处罚",
        ["conclusion"] = conclusion,
        ["basis"] = "《中华人民共和国食品安全法》第一百二十四条",
    };

    private async Task<string> ReportNaturalPersonAsync(string caseId) =>
        (await Requests.ReportNaturalPersonAsync(_app, caseId)).GetProperty("publicationId").GetString()!;
}
