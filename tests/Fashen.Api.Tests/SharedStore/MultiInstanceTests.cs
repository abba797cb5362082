using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.SharedStore;

/// <summary>Two Fashen instances on one PostgreSQL database, as behind a load balancer: whichever instance a
/// request reaches, there is one outcome per review, one review per idempotency key, one unbroken record,
/// and the gate answers from what is stored, never from what one instance saw earlier.</summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private FashenApp _first = null!;
    private FashenApp _second = null!;

    public Task InitializeAsync()
    {
        _first = FashenApp.StartOnPostgreSql();
        _second = _first.StartAnotherInstance();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Submission_RetriedAtBothInstancesAtOnce_CreatesOneReview()
    {
        var clients = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _first : _second).CaseSystem("scjg")).ToList();

        var answers = await Task.WhenAll(clients.Select(c => Post(c, "/v1/reviews", Submission(FoodFine()), idempotencyKey: "submit-lb")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct());
        Assert.Single(_first.Store.ReadAll(), e => e.Type == "review.submitted");
    }

    [Fact]
    public async Task SharedKeys_WithAKeyEncryptionKey_AreSealedInTheDatabase_AndAnotherKeyIsRefusedAtStart()
    {
        var kek = new Dictionary<string, string> { ["Fashen:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        await using var first = FashenApp.StartOnPostgreSql(kek);
        await using var second = first.StartAnotherInstance();

        // A token signed at one instance is accepted at the other: both opened the same sealed keys.
        var signedIn = await first.PersonAsync("li.min");
        var atSecond = second.Anonymous();
        atSecond.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        var (status, _) = await Get(atSecond, "/v1/reviews");
        Assert.Equal(HttpStatusCode.OK, status);

        using (var connection = TestPostgreSql.Open(first.PostgreSqlSchema!))
        using (var command = new Npgsql.NpgsqlCommand("SELECT value FROM shared_keys", connection))
        using (var reader = command.ExecuteReader())
        {
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.StartsWith("aes-256-gcm:", v, StringComparison.Ordinal));
        }

        var otherKey = new Dictionary<string, string> { ["Fashen:KeyEncryptionKey"] = Convert.ToBase64String(new byte[32]) };
        var refused = Assert.ThrowsAny<Exception>(() => first.StartAnotherInstance(otherKey));
        var cause = refused as Fashen.Store.SharedKeyEncryptionException ?? refused.InnerException as Fashen.Store.SharedKeyEncryptionException;
        Assert.NotNull(cause);
        Assert.Contains("无法用配置的密钥加密密钥解开", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordGuesses_SpreadOverBothInstances_LockTheAccountOnBoth()
    {
        // Five wrong passwords, three at one instance and two at the other: each instance alone saw fewer than five.
        foreach (var (app, attempt) in new[] { (_first, 1), (_second, 2), (_first, 3), (_second, 4), (_first, 5) })
        {
            var wrong = await app.Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = "guess " + attempt });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        foreach (var app in new[] { _first, _second })
        {
            var locked = await app.Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = FashenApp.Password });
            using var problem = System.Text.Json.JsonDocument.Parse(await locked.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("FS6012", problem.RootElement.Code());
        }

        // Another account is not held up by them.
        var other = await _second.Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "wang.fang", password = FashenApp.Password });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PasswordGuesses_InParallelAtBothInstances_GetNoMorePasswordChecksThanTheLimit()
    {
        // Twelve wrong guesses at once, six at each instance. Each is admitted and counted before its password is checked,
        // in one step in the shared store: five are checked (401), the rest refused unchecked (429).
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? _first : _second).Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = "guess " + i })));

        Assert.Equal(5, guesses.Count(g => g.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(7, guesses.Count(g => g.StatusCode == HttpStatusCode.TooManyRequests));

        // The right password, at either instance, waits for the lock to end like the guesses.
        var right = await _second.Anonymous().PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = FashenApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task SignIns_ManyPeopleFromOneAddress_DoNotLockTheAddress()
    {
        // Every attempt counts against its address until its password proves right: thirty good sign-ins from one office's
        // address (more than the address's twenty) are all let in.
        for (var n = 0; n < 30; n++)
        {
            var username = n % 2 == 0 ? "li.min" : "wang.fang";
            var signedIn = await (n % 3 == 0 ? _first : _second).Anonymous().PostAsJsonAsync("/v1/auth/token", new { username, password = FashenApp.Password });
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
    }

    [Fact]
    public async Task Submissions_OfOneCaseAtBothInstances_OpenOneReview()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Post((i % 2 == 0 ? _first : _second).CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine()))));

        // One creates the review; the others, the same decision, are answered with it.
        var created = Assert.Single(answers, a => a.Status == HttpStatusCode.Created).Body.GetProperty("id").GetString();
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal(created, a.Body.GetProperty("id").GetString());
        });
        Assert.Single(_second.Store.ReadAll(), e => e.Type == "review.submitted");
    }

    [Fact]
    public async Task Outcomes_ApproveAtOneInstanceRejectAtTheOther_ExactlyOneIsRecorded()
    {
        var review = await SubmitAcceptedAsync(_first);
        var id = review.GetProperty("id").GetString();
        review = await CompleteChecklistAsync(await _first.PersonAsync("li.min"), review);

        var answers = await Task.WhenAll(
            Post(await _first.PersonAsync("li.min"), $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" }),
            Post(await _second.PersonAsync("li.min"), $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "reject", ["reason"] = "证据不足。" }));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.Status != HttpStatusCode.OK);
        Assert.Contains(loser.Body.Code(), new[] { "FS5007", "FS5005" });
        Assert.Single(_second.Store.ReviewEntries(id!), e => e.Type == "review.decided");
        var (_, atFirst) = await Get(await _first.PersonAsync("li.min"), $"/v1/reviews/{id}");
        var (_, atSecond) = await Get(await _second.PersonAsync("li.min"), $"/v1/reviews/{id}");
        Assert.Equal(winner.Body.State(), atFirst.State());
        Assert.Equal(winner.Body.State(), atSecond.State());
    }

    [Fact]
    public async Task Appends_FromBothInstancesAtOnce_KeepOneUnbrokenChain()
    {
        // Classifications, submissions and sign-ins, all written to the record, spread over both instances.
        var work = new List<Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)>>();
        for (var i = 0; i < 40; i++)
        {
            var app = i % 2 == 0 ? _first : _second;
            work.Add(Post(app.CaseSystem("scjg"), "/v1/classifications", FoodFine($"桓市监罚〔2026〕{i:000}号")));
            work.Add(Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine($"桓市监罚〔2026〕{100 + i:000}号"))));
        }

        var answers = await Task.WhenAll(work);
        Assert.All(answers, a => Assert.True(
            a.Status is HttpStatusCode.OK or HttpStatusCode.Created,
            $"{a.Body}\n{string.Join("\n", _first.ErrorLog.Errors.Concat(_second.ErrorLog.Errors))}"));

        // Classifications are recorded after their answers: every instance's, before the record is read.
        await _first.RecordedAsync();
        await _second.RecordedAsync();
        var entries = _first.Store.ReadAll().ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
        Assert.Equal(40, entries.Count(e => e.Type == "review.submitted"));
        foreach (var app in new[] { _first, _second })
        {
            var (status, record) = await Get(await app.PersonAsync("admin"), "/v1/record/verification");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(record.GetProperty("valid").GetBoolean(), record.ToString());
            Assert.Equal(entries.Count, record.GetProperty("entriesVerified").GetInt64());
        }
    }

    [Fact]
    public Task Verification_WhileBothInstancesWrite_IsValidEveryTime_AndItsAnchorsHoldLater() =>
        VerificationUnderLoadTests.VerifyUnderLoadAsync([_first, _second]);

    [Fact]
    public async Task Gate_AnswersFromTheStore_WhicheverInstanceIsAsked()
    {
        // Not yet approved: refused at both.
        var review = await SubmitAcceptedAsync(_first);
        var id = review.GetProperty("id").GetString();
        foreach (var app in new[] { _first, _second })
        {
            var (_, refused) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
            Assert.False(refused.GetProperty("issuable").GetBoolean());
        }

        // Approved at the first: the second issues at once, and the first accepts its permit.
        var reviewer = await _first.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var (approved, _) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, approved);
        var (_, issued) = await Post(_second.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.True(issued.GetProperty("issuable").GetBoolean(), issued.ToString());
        var token = issued.GetProperty("permit").GetProperty("token").GetString();
        var (_, verification) = await Post(_first.CaseSystem("scjg"), "/v1/permits/verification", new JsonObject { ["token"] = token });
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        var (_, keyAtFirst) = await Get(_first.Anonymous(), "/v1/permits/key");
        var (_, keyAtSecond) = await Get(_second.Anonymous(), "/v1/permits/key");
        Assert.Equal(keyAtFirst.ToString(), keyAtSecond.ToString());

        // The approval covers the decision as approved; a changed one is refused at both.
        foreach (var app in new[] { _first, _second })
        {
            var (_, changed) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine(fine: 90000) });
            Assert.False(changed.GetProperty("issuable").GetBoolean());
        }
    }

    [Fact]
    public async Task Gate_WithOneInstanceAnHourBehind_FollowsTheRecordNotTheClocks()
    {
        await using var behind = _first.StartAnotherInstance(clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(FashenApp.Monday.AddHours(-1)));

        // Submitted at the instance on time, approved at the one behind: the approved version is issued at either.
        var review = await SubmitAcceptedAsync(_first);
        var id = review.GetProperty("id").GetString();
        var reviewer = await behind.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var (approved, _) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        Assert.Equal(HttpStatusCode.OK, approved);
        foreach (var app in new[] { _first, behind })
        {
            var (_, issued) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
            Assert.True(issued.GetProperty("issuable").GetBoolean(), issued.ToString());
        }

        // A changed version submitted at the instance behind (its time an hour before the approval) is the review's newer
        // round: the approved version no longer governs, at either instance, while it is open or after it is rejected.
        var (resubmitted, round) = await Post(behind.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(fine: 90000)));
        Assert.Equal(HttpStatusCode.OK, resubmitted);
        Assert.Equal(id, round.GetProperty("id").GetString());
        foreach (var app in new[] { _first, behind })
        {
            var (_, refused) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
            Assert.False(refused.GetProperty("issuable").GetBoolean(), refused.ToString());
        }

        var atFirst = await _first.PersonAsync("li.min");
        var (_, current) = await Get(atFirst, $"/v1/reviews/{id}");
        Assert.Equal("under_review", current.State());
        foreach (var item in current.GetProperty("checklist").EnumerateArray().ToList())
        {
            (_, current) = await Send(atFirst, HttpMethod.Put, $"/v1/reviews/{id}/checklist/{Uri.EscapeDataString(item.GetProperty("id").GetString()!)}",
                new JsonObject { ["version"] = current.Version(), ["status"] = "pass" });
        }

        var (rejected, _) = await Post(atFirst, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = current.Version(), ["outcome"] = "reject", ["reason"] = "罚款数额明显不当。" });
        Assert.Equal(HttpStatusCode.OK, rejected);
        foreach (var app in new[] { _first, behind })
        {
            foreach (var fine in new[] { 60000m, 90000m })
            {
                var (_, refused) = await Post(app.CaseSystem("scjg"), "/v1/issuance", new JsonObject { ["decision"] = FoodFine(fine: fine) });
                Assert.False(refused.GetProperty("issuable").GetBoolean(), refused.ToString());
            }
        }
    }

    [Fact]
    public async Task SignIn_AtOneInstance_IsAcceptedByTheOther()
    {
        var atFirst = await _first.PersonAsync("li.min");
        var atSecond = _second.Anonymous();
        atSecond.DefaultRequestHeaders.Authorization = atFirst.DefaultRequestHeaders.Authorization;

        var (status, _) = await Get(atSecond, "/v1/reviews");

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
