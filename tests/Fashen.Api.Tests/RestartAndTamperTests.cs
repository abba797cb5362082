using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Store;
using LiteDB;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The record survives a restart, and a change made to the database file behind Fashen's back
/// is found when the record is verified.</summary>
public class RestartAndTamperTests
{
    [Fact]
    public async Task Restart_InTheMiddleOfAReview_LosesNothing()
    {
        var app = FashenApp.Start();
        try
        {
            var review = await SubmitAcceptedAsync(app);
            var id = review.GetProperty("id").GetString();
            var reviewer = await app.PersonAsync("li.min");
            var (_, assigned) = await Post(reviewer, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() });
            var firstItem = assigned.GetProperty("checklist")[0].GetProperty("id").GetString()!;
            var (_, checkedOnce) = await Send(reviewer, HttpMethod.Put, $"/v1/reviews/{id}/checklist/{Uri.EscapeDataString(firstItem)}",
                new JsonObject { ["version"] = assigned.Version(), ["status"] = "problem", ["note"] = "裁量说明不完整，已要求补充。" });

            app = await app.RestartAsync();

            // Same review, same version, same checklist; the old token no longer matters, a new sign-in works.
            reviewer = await app.PersonAsync("li.min");
            var (status, after) = await Get(reviewer, $"/v1/reviews/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(checkedOnce.Version(), after.Version());
            Assert.Equal("under_review", after.State());
            Assert.Equal("裁量说明不完整，已要求补充。", after.GetProperty("checklist")[0].GetProperty("note").GetString());

            // The work carries on to a permit, and the permit signed after the restart verifies with the same key.
            var (_, keyBefore) = await Get(app.Anonymous(), "/v1/permits/key");
            after = await CompleteChecklistAsync(reviewer, after);
            (status, _) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = after.Version(), ["outcome"] = "approve" });
            Assert.Equal(HttpStatusCode.OK, status);
            var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
            var token = issuance.GetProperty("permit").GetProperty("token").GetString();

            app = await app.RestartAsync();
            var (_, verification) = await Post(app.CaseSystem("scjg"), "/v1/permits/verification", new JsonObject { ["token"] = token });
            Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
            var (_, keyAfter) = await Get(app.Anonymous(), "/v1/permits/key");
            Assert.Equal(keyBefore.ToString(), keyAfter.ToString());
            var record = await VerifyAsync(app);
            Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());
            Assert.Equal(app.Store.ReadAll().Count(), record.GetProperty("entriesVerified").GetInt64());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task EditedEntry_IsFound_AtTheEntryThatWasChanged()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            await app.StopAsync();
            var target = Tamper(app, entries =>
            {
                // Lower the fine recorded in the first submission, as someone hiding it might.
                var entry = entries.FindOne("type = 'review.submitted'");
                Assert.Contains("60000", entry["data"].AsString, StringComparison.Ordinal);
                entry["data"] = entry["data"].AsString.Replace("60000", "6000", StringComparison.Ordinal);
                entries.Update(entry);
                return entry["_id"].AsInt64;
            });

            app = await app.RestartAsync();
            var record = await VerifyAsync(app);

            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(target, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains("被改动过", record.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task EditedEntry_WithItsHashRecomputed_IsFoundAtTheNextEntry()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            await app.StopAsync();
            Tamper(app, entries =>
            {
                var document = entries.FindById(2);
                var original = ToEntry(document);
                Assert.Equal(original.Hash, AuditChain.ComputeHash(original));
                var changed = original with { Actor = original.Actor with { Id = "someone", Name = "某人" } };
                document["actorId"] = changed.Actor.Id;
                document["actorName"] = changed.Actor.Name;
                document["hash"] = AuditChain.ComputeHash(changed);
                entries.Update(document);
                return 2;
            });

            app = await app.RestartAsync();
            var record = await VerifyAsync(app);

            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(3, record.GetProperty("brokenAt").GetInt64());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task RemovedEntries_AtTheEndOrInTheMiddle_AreFound()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            await app.StopAsync();
            var last = Tamper(app, entries =>
            {
                var count = entries.Count();
                entries.Delete(count);
                return count;
            });

            // Starting again appends after the removed entry, which then shows as missing.
            app = await app.RestartAsync();
            var record = await VerifyAsync(app);
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(last + 1, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains($"第 {last} 条记录缺失", record.GetProperty("problem").GetString(), StringComparison.Ordinal);

            await app.StopAsync();
            Tamper(app, entries => entries.Delete(3) ? 3 : 0);
            app = await app.RestartAsync();
            record = await VerifyAsync(app);
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(4, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains("第 3 条记录缺失", record.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<FashenApp> WithThreeReviewsAsync()
    {
        var app = FashenApp.Start();
        foreach (var caseId in new[] { "桓市监罚〔2026〕001号", "桓市监罚〔2026〕002号", "桓市监罚〔2026〕003号" })
        {
            await SubmitAcceptedAsync(app, caseId);
        }

        var record = await VerifyAsync(app);
        Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());
        return app;
    }

    private static async Task<JsonElement> VerifyAsync(FashenApp app)
    {
        var (status, record) = await Get(await app.PersonAsync("admin"), "/v1/record/verification");
        Assert.Equal(HttpStatusCode.OK, status);
        return record;
    }

    // Opens the database file directly, as someone with access to the disk might, and changes entries.
    private static long Tamper(FashenApp app, Func<ILiteCollection<BsonDocument>, long> change)
    {
        using var db = new LiteDatabase($"Filename={Path.Combine(app.DataFolder, LiteDbStore.FileName)};Connection=direct");
        return change(db.GetCollection("entries"));
    }

    private static AuditEntry ToEntry(BsonDocument d) => new(
        d["_id"].AsInt64,
        DateTimeOffset.Parse(d["at"].AsString, System.Globalization.CultureInfo.InvariantCulture),
        d["type"].AsString,
        d["reviewId"].IsNull ? null : d["reviewId"].AsString,
        d["department"].IsNull ? null : d["department"].AsString,
        new Actor(Enum.Parse<ActorKind>(d["actorKind"].AsString), d["actorId"].AsString, d["actorName"].AsString),
        d["data"].AsString,
        d["previousHash"].AsString,
        d["hash"].AsString);
}
