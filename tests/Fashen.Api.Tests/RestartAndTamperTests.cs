using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Store;
using Fashen.Store.PostgreSql;
using LiteDB;
using Npgsql;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The record survives a restart, and a change made to the database behind Fashen's back is found
/// when the record is verified: on either store.</summary>
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
            long target;
            using (var stored = BehindTheBack.Open(app))
            {
                // Lower the fine recorded in the first submission, as someone hiding it might.
                var entry = stored.First("review.submitted");
                Assert.Contains("60000", entry.Data, StringComparison.Ordinal);
                stored.Replace(entry with { Data = entry.Data.Replace("60000", "6000", StringComparison.Ordinal) });
                target = entry.Sequence;
            }

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
    public async Task EditedEntry_WithItsHashRecomputed_IsFoundAtTheEntryThatWasChanged()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                var original = stored.Read(2);
                Assert.Equal(original.Hash, AuditChain.ComputeHash(original));
                var changed = original with { Actor = original.Actor with { Id = "someone", Name = "某人" } };
                stored.Replace(changed with { Hash = AuditChain.ComputeHash(changed) });
            }

            app = await app.RestartAsync();
            var record = await VerifyAsync(app);

            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(2, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains("第 2 条记录被改动过", record.GetProperty("problem").GetString(), StringComparison.Ordinal);
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
            long last;
            using (var stored = BehindTheBack.Open(app))
            {
                last = stored.Count();
                stored.Delete(last);
            }

            // Starting again appends after the removed entry, which then shows as missing.
            app = await app.RestartAsync();
            var record = await VerifyAsync(app);
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(last, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains($"第 {last} 条记录缺失", record.GetProperty("problem").GetString(), StringComparison.Ordinal);

            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.Delete(3);
            }

            app = await app.RestartAsync();
            record = await VerifyAsync(app);
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Equal(3, record.GetProperty("brokenAt").GetInt64());
            Assert.Contains("第 3 条记录缺失", record.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task RejectedReview_MadeApprovedInTheStoresIndex_GetsNoPermit_AndVerificationNamesIt()
    {
        var app = FashenApp.Start();
        try
        {
            var review = await SubmitAcceptedAsync(app);
            var id = review.GetProperty("id").GetString()!;
            var reviewer = await app.PersonAsync("li.min");
            review = await CompleteChecklistAsync(reviewer, review);
            var (status, _) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "reject", ["reason"] = "主要事实不清。" });
            Assert.Equal(HttpStatusCode.OK, status);

            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.SetIndexedState(id, "approved");
            }

            app = await app.RestartAsync();
            var (_, answer) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
            var record = await VerifyAsync(app);

            Assert.False(answer.GetProperty("issuable").GetBoolean(), answer.ToString());
            Assert.False(answer.TryGetProperty("permit", out var permit) && permit.ValueKind != JsonValueKind.Null);
            Assert.Equal("FS5026", answer.GetProperty("reasons")[0].GetProperty("code").GetString());
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Null(record.GetProperty("brokenAt").GetString());
            var discrepancy = Assert.Single(record.GetProperty("discrepancies").EnumerateArray());
            Assert.Equal(id, discrepancy.GetProperty("reviewId").GetString());
            Assert.Contains("状态在记录中为“不同意”，存储为“同意”", discrepancy.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task PartyAndCause_IndexedBeforeTheQueueListedThem_AreTakenFromTheRecord_AndAnEditIsFound()
    {
        var app = FashenApp.Start();
        try
        {
            var decision = FoodFine();
            decision["party"] = "桓台县某某食品有限公司";
            decision["cause"] = "销售不符合食品安全标准的食品";
            var (_, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(decision));
            var id = review.GetProperty("id").GetString()!;

            // A store from before the queue listed them has neither in its index.
            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.ForgetIndexedParties();
            }

            app = await app.RestartAsync();
            var (_, list) = await Get(await app.PersonAsync("li.min"), "/v1/reviews");
            var item = Assert.Single(list.GetProperty("items").EnumerateArray());
            Assert.Equal(("桓台县某某食品有限公司", "销售不符合食品安全标准的食品"), (item.GetProperty("party").GetString(), item.GetProperty("cause").GetString()));
            var record = await VerifyAsync(app);
            Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());

            // Someone changes the party the queue shows: the record says otherwise, and verification names it.
            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.SetIndexedParty(id, "另一家公司");
            }

            app = await app.RestartAsync();
            record = await VerifyAsync(app);
            Assert.False(record.GetProperty("valid").GetBoolean());
            Assert.Contains("当事人在记录中为“桓台县某某食品有限公司”，存储为“另一家公司”",
                Assert.Single(record.GetProperty("discrepancies").EnumerateArray()).GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReviewRemovedFromTheStoresIndex_IsNamedByVerification()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            var (_, list) = await Get(await app.PersonAsync("admin"), "/v1/reviews");
            var id = list.GetProperty("items")[1].GetProperty("id").GetString()!;
            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.RemoveFromIndex(id);
            }

            app = await app.RestartAsync();
            var record = await VerifyAsync(app);

            Assert.False(record.GetProperty("valid").GetBoolean());
            var discrepancy = Assert.Single(record.GetProperty("discrepancies").EnumerateArray());
            Assert.Equal(id, discrepancy.GetProperty("reviewId").GetString());
            Assert.Contains("索引中却没有", discrepancy.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task PermitForgedInTheStore_IsNamedByVerification()
    {
        var app = FashenApp.Start();
        try
        {
            var minor = FoodFine(fine: 1000);
            var (_, issuance) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = minor });
            var permitId = issuance.GetProperty("permit").GetProperty("id").GetString()!;
            await app.StopAsync();
            using (var stored = BehindTheBack.Open(app))
            {
                stored.CopyPermit(permitId, "P20260302-forged");
            }

            app = await app.RestartAsync();
            var record = await VerifyAsync(app);

            Assert.False(record.GetProperty("valid").GetBoolean());
            var discrepancy = Assert.Single(record.GetProperty("discrepancies").EnumerateArray());
            Assert.Equal("P20260302-forged", discrepancy.GetProperty("permitId").GetString());
            Assert.Contains("记录中却没有签发它的记录", discrepancy.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task InsertedEntry_WellFormedAfterTheLast_IsFoundAtItsOwnPosition()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            await app.StopAsync();
            long inserted;
            using (var stored = BehindTheBack.Open(app))
            {
                // A forged approval, sealed onto the last entry as the store would have sealed it; the stored head is left alone.
                var last = stored.Read(stored.Count());
                var forged = AuditChain.Seal(
                    new PendingEntry("review.decided", last.ReviewId, last.Department, new Actor(ActorKind.Person, "li.min", "李敏"), "{\"outcome\":\"approve\",\"reason\":null}"),
                    last.Sequence + 1, last.At, last.Hash);
                stored.Insert(forged);
                inserted = forged.Sequence;
            }

            // Verified with the service stopped, as `fashen audit verify` does: a service started on this record would
            // try to append its own entry under the forged entry's number.
            using var store = app.PostgreSqlSchema is { } schema
                ? (IFashenStore)new PostgreSqlStore(TestPostgreSql.ConnectionString, schema)
                : new LiteDbStore(app.DataFolder);
            var record = AuditChain.Verify(store.ReadAll(), store.Head());

            Assert.False(record.Valid);
            Assert.Equal(inserted, record.BrokenAt);
            Assert.Equal(inserted - 1, record.EntriesVerified);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Verification_WithAnchorsKeptBefore_ChecksEachEntryStillHasItsHash()
    {
        var app = await WithThreeReviewsAsync();
        try
        {
            var admin = await app.PersonAsync("admin");
            var kept = await VerifyAsync(app);
            var anchor = $"{kept.GetProperty("entriesVerified").GetInt64()}:{kept.GetProperty("head").GetString()}";
            await SubmitAcceptedAsync(app, "桓市监罚〔2026〕004号");

            var (_, still) = await Get(admin, $"/v1/record/verification?anchor={Uri.EscapeDataString(anchor)}");
            // What a rewritten record answers: the entry kept has another hash now.
            var forged = $"2:sha256:{new string('e', 64)}";
            var (_, rewritten) = await Get(admin, $"/v1/record/verification?anchor={Uri.EscapeDataString(anchor)}&anchor={Uri.EscapeDataString(forged)}");
            var (status, malformed) = await Get(admin, "/v1/record/verification?anchor=2:abc");

            Assert.True(still.GetProperty("valid").GetBoolean(), still.ToString());
            Assert.False(rewritten.GetProperty("valid").GetBoolean());
            Assert.Equal(2, rewritten.GetProperty("brokenAt").GetInt64());
            Assert.Contains("在留存之后被改写过", rewritten.GetProperty("problem").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("FS6005", malformed.Code());
            Assert.Contains("序号:链头", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
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

    /// <summary>The record opened directly, as someone with access to the disk or the database might, to change
    /// entries behind Fashen's back.</summary>
    private abstract class BehindTheBack : IDisposable
    {
        public static BehindTheBack Open(FashenApp app) => app.PostgreSqlSchema is { } schema ? new InPostgreSql(schema) : new InLiteDb(app.DataFolder);

        public abstract AuditEntry Read(long sequence);

        public abstract AuditEntry First(string type);

        public abstract void Replace(AuditEntry entry);

        public abstract long Count();

        public abstract void Delete(long sequence);

        public abstract void Insert(AuditEntry entry);

        /// <summary>Changes a review's state in the store's index of reviews, which the chain does not cover.</summary>
        public abstract void SetIndexedState(string reviewId, string state);

        /// <summary>Makes the index as a store from before the queue listed party and cause left it.</summary>
        public abstract void ForgetIndexedParties();

        public abstract void SetIndexedParty(string reviewId, string party);

        /// <summary>Removes a review from the store's index of reviews.</summary>
        public abstract void RemoveFromIndex(string reviewId);

        /// <summary>Adds a permit to the store's permits under a new id, copying one that was issued.</summary>
        public abstract void CopyPermit(string permitId, string newId);

        public abstract void Dispose();
    }

    private sealed class InLiteDb(string folder) : BehindTheBack
    {
        private readonly LiteDatabase _db = new($"Filename={Path.Combine(folder, LiteDbStore.FileName)};Connection=direct");

        private ILiteCollection<BsonDocument> Entries => _db.GetCollection("entries");

        public override AuditEntry Read(long sequence) => LiteDbStore.ToEntry(Entries.FindById(sequence));

        public override AuditEntry First(string type) => LiteDbStore.ToEntry(Entries.FindOne(BsonExpression.Create("type = @0", type)));

        public override void Replace(AuditEntry entry)
        {
            var document = Entries.FindById(entry.Sequence);
            document["data"] = entry.Data;
            document["actorId"] = entry.Actor.Id;
            document["actorName"] = entry.Actor.Name;
            document["hash"] = entry.Hash;
            Entries.Update(document);
        }

        public override long Count() => Entries.Count();

        public override void Delete(long sequence) => Assert.True(Entries.Delete(sequence));

        public override void Insert(AuditEntry entry) => Entries.Insert(LiteDbStore.ToDocument(entry));

        public override void SetIndexedState(string reviewId, string state)
        {
            var reviews = _db.GetCollection("reviews");
            var document = reviews.FindById(reviewId);
            document["state"] = state;
            Assert.True(reviews.Update(document));
        }

        public override void RemoveFromIndex(string reviewId) => Assert.True(_db.GetCollection("reviews").Delete(reviewId));

        public override void ForgetIndexedParties()
        {
            var reviews = _db.GetCollection("reviews");
            foreach (var document in reviews.FindAll().ToList())
            {
                document.Remove("party");
                document.Remove("cause");
                Assert.True(reviews.Update(document));
            }

            Assert.True(_db.GetCollection("meta").Delete("parties-listed"));
        }

        public override void SetIndexedParty(string reviewId, string party)
        {
            var reviews = _db.GetCollection("reviews");
            var document = reviews.FindById(reviewId);
            document["party"] = party;
            Assert.True(reviews.Update(document));
        }

        public override void CopyPermit(string permitId, string newId)
        {
            var permits = _db.GetCollection("permits");
            var copy = permits.FindById(permitId);
            copy["_id"] = newId;
            permits.Insert(copy);
        }

        public override void Dispose() => _db.Dispose();
    }

    // The database refuses changes to the record (a trigger); an administrator who may switch triggers off
    // (session_replication_role) still can, and that is what the hash chain is for.
    private sealed class InPostgreSql : BehindTheBack
    {
        private readonly NpgsqlConnection _connection;

        public InPostgreSql(string schema)
        {
            _connection = TestPostgreSql.Open(schema);
            Execute("SET session_replication_role = replica");
        }

        public override AuditEntry Read(long sequence) => Single($"SELECT {PostgreSqlStore.EntryColumns} FROM entries WHERE sequence = {sequence}");

        public override AuditEntry First(string type) => Single($"SELECT {PostgreSqlStore.EntryColumns} FROM entries WHERE type = '{type}' ORDER BY sequence LIMIT 1");

        public override void Replace(AuditEntry entry)
        {
            using var command = new NpgsqlCommand("UPDATE entries SET data = @data, actor_id = @actor, actor_name = @name, hash = @hash WHERE sequence = @sequence", _connection);
            command.Parameters.AddWithValue("data", entry.Data);
            command.Parameters.AddWithValue("actor", entry.Actor.Id);
            command.Parameters.AddWithValue("name", entry.Actor.Name);
            command.Parameters.AddWithValue("hash", entry.Hash);
            command.Parameters.AddWithValue("sequence", entry.Sequence);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        public override long Count()
        {
            using var command = new NpgsqlCommand("SELECT count(*) FROM entries", _connection);
            return (long)command.ExecuteScalar()!;
        }

        public override void Delete(long sequence) => Assert.Equal(1, Execute($"DELETE FROM entries WHERE sequence = {sequence}"));

        public override void Insert(AuditEntry entry)
        {
            using var command = new NpgsqlCommand($"INSERT INTO entries ({PostgreSqlStore.EntryColumns}) VALUES (@s, @at, @type, @review, @department, @kind, @actor, @name, @data, @previous, @hash)", _connection);
            command.Parameters.AddWithValue("s", entry.Sequence);
            command.Parameters.AddWithValue("at", entry.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("type", entry.Type);
            command.Parameters.AddWithValue("review", (object?)entry.ReviewId ?? DBNull.Value);
            command.Parameters.AddWithValue("department", (object?)entry.Department ?? DBNull.Value);
            command.Parameters.AddWithValue("kind", entry.Actor.Kind.ToString());
            command.Parameters.AddWithValue("actor", entry.Actor.Id);
            command.Parameters.AddWithValue("name", entry.Actor.Name);
            command.Parameters.AddWithValue("data", entry.Data);
            command.Parameters.AddWithValue("previous", entry.PreviousHash);
            command.Parameters.AddWithValue("hash", entry.Hash);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        public override void SetIndexedState(string reviewId, string state) =>
            Assert.Equal(1, Execute($"UPDATE reviews SET state = '{state}' WHERE review_id = '{reviewId}'"));

        public override void RemoveFromIndex(string reviewId) => Assert.Equal(1, Execute($"DELETE FROM reviews WHERE review_id = '{reviewId}'"));

        public override void ForgetIndexedParties()
        {
            Execute("ALTER TABLE reviews DROP COLUMN party, DROP COLUMN cause");
            Execute("DROP INDEX IF EXISTS reviews_by_reviewer; DROP INDEX IF EXISTS reviews_recently_changed");
            Assert.Equal(1, Execute("DELETE FROM schema_migrations WHERE version = 13"));
        }

        public override void SetIndexedParty(string reviewId, string party) =>
            Assert.Equal(1, Execute($"UPDATE reviews SET party = '{party}' WHERE review_id = '{reviewId}'"));

        public override void CopyPermit(string permitId, string newId) =>
            Assert.Equal(1, Execute($"INSERT INTO permits (id, token, claims) SELECT '{newId}', token, claims FROM permits WHERE id = '{permitId}'"));

        public override void Dispose() => _connection.Dispose();

        private int Execute(string sql)
        {
            using var command = new NpgsqlCommand(sql, _connection);
            return command.ExecuteNonQuery();
        }

        private AuditEntry Single(string sql)
        {
            using var command = new NpgsqlCommand(sql, _connection);
            using var r = command.ExecuteReader();
            Assert.True(r.Read());
            return PostgreSqlStore.ToEntry(r);
        }
    }
}
