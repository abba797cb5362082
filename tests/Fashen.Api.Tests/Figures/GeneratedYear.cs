using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fashen.Bench;
using Fashen.Catalogue.Loading;
using static Fashen.Tests.Requests;

namespace Fashen.Tests.Figures;

/// <summary>A year of generated decisions (<see cref="DecisionYear"/>) played through a real service over HTTP, as the case systems
/// and the legal offices would: each decision classified on its day; major ones submitted (some incomplete, returned for 补正 and submitted again),
/// reviewed days later (some with an extension, the outcomes mixed), issued under a permit; every issued decision reported and its
/// publication approved on time or late, some withdrawn, a few major ones reported without a permit. What it did it counts, for the
/// figures to be checked against.</summary>
internal sealed class GeneratedYear
{
    private static readonly Dictionary<string, (string Reviewer, string Head)> Offices = new(StringComparer.Ordinal)
    {
        ["scjg"] = ("wang.fang", "sun.head"),
        ["sthj"] = ("li.min", "sun.head"),
        ["nync"] = ("zhao.lei", "qian.head"),
    };

    private readonly FashenApp _app;
    private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, long Order)> _events = new();
    private readonly Dictionary<string, (HttpClient Client, DateTimeOffset SignedInAt)> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private long _order;

    private GeneratedYear(FashenApp app) => _app = app;

    /// <summary>Gets what was done, counted by the player: the figures must say the same.</summary>
    public Dictionary<string, int> Done { get; } = new(StringComparer.Ordinal);

    /// <summary>Plays a year's decisions into a service whose clock stands at <see cref="FashenApp.Monday"/> (2 March 2026).</summary>
    /// <param name="app">The service.</param>
    /// <param name="count">How many decisions to generate (those of departments without reviewers here are left out).</param>
    /// <returns>The player, with what it did.</returns>
    public static async Task<GeneratedYear> PlayAsync(FashenApp app, int count)
    {
        var year = new GeneratedYear(app);
        var workspace = CatalogueWorkspace.Load(["samples/catalogues"], baseDirectory: Repository.Root);
        var decisions = DecisionYear.Generate(workspace.Catalogues, count, 2026, seed: 19)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(d => Offices.ContainsKey((string)d["department"]!))
            .ToList();

        // Spread over 2 March to 4 December, so that every deadline falls in 2026, whose holiday arrangement is loaded.
        for (var i = 0; i < decisions.Count; i++)
        {
            var day = new DateOnly(2026, 3, 2).AddDays(i * 277 / decisions.Count);
            decisions[i]["proposedOn"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var decision = decisions[i];
            var n = i;
            year.At(day, 9, () => year.StartAsync(decision, n, day));
        }

        while (year._events.TryDequeue(out var next, out var when))
        {
            if (when.At > app.Clock.GetUtcNow())
            {
                app.Clock.SetUtcNow(when.At);
            }

            await next();
        }

        await app.RecordedAsync();
        return year;
    }

    private void At(DateOnly day, int hour, Func<Task> action) =>
        _events.Enqueue(action, (new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)), _order++));

    // A decision goes into several bodies; each needs its own copy.
    private static JsonObject Fresh(JsonObject decision) => (JsonObject)decision.DeepClone();

    private void Count(string what) => Done[what] = Done.GetValueOrDefault(what) + 1;

    private async Task<HttpClient> PersonAsync(string username)
    {
        // Signed in again when the clock has moved on by more than a few minutes: sign-in tokens expire.
        var now = _app.Clock.GetUtcNow();
        if (!_people.TryGetValue(username, out var person) || now - person.SignedInAt > TimeSpan.FromMinutes(10))
        {
            _people[username] = person = (await _app.PersonAsync(username), now);
        }

        return person.Client;
    }

    private async Task StartAsync(JsonObject decision, int n, DateOnly day)
    {
        var department = (string)decision["department"]!;
        var system = _app.CaseSystem(department);
        var (status, classification) = await Post(system, "/v1/classifications", decision);
        if (status != HttpStatusCode.OK)
        {
            // A generated decision outside the law's forms (an amount moved past the simple procedure's limit): refused, not counted.
            Count("refused");
            return;
        }

        Count("classified");
        var kind = classification.GetProperty("classification").GetString();
        if (kind != "major")
        {
            // Issued without the gate: nothing to find for a decision that is not major, a finding for one that could not be told.
            if (kind == "undetermined")
            {
                Count("withoutPermit");
            }

            await ReportAsync(decision, null, n, day);
            return;
        }

        Count("major");
        if (n % 29 == 0)
        {
            // Issued without the review it needed: a finding.
            Count("withoutPermit");
            await ReportAsync(decision, null, n, day);
            return;
        }

        var materials = classification.GetProperty("materials").EnumerateArray().Select(m => m.GetString()!).ToList();
        var returned = n % 7 == 0 && materials.Count > 1;
        var (submitted, review) = await Post(system, "/v1/reviews", Submission(Fresh(decision), returned ? materials.SkipLast(1) : materials));
        Assert.True(submitted == HttpStatusCode.Created, review.ToString());
        Count("submitted");
        var id = review.GetProperty("id").GetString()!;
        var office = Offices[department];
        if (returned)
        {
            // Returned at once for the material left out (补正), and submitted again, complete, three days later.
            Assert.Equal("returned", review.State());
            Count("returned");
            At(day.AddDays(3), 10, async () =>
            {
                var (again, resubmitted) = await Post(system, $"/v1/reviews/{id}/resubmissions", Submission(Fresh(decision), materials));
                Assert.True(again == HttpStatusCode.OK, resubmitted.ToString());
                At(day.AddDays(6 + (n % 9)), 11, () => DecideAsync(decision, id, n, office));
            });
            return;
        }

        At(day.AddDays(1 + (n % 9)), 11, () => DecideAsync(decision, id, n, office));
    }

    private async Task DecideAsync(JsonObject decision, string id, int n, (string Reviewer, string Head) office)
    {
        var reviewer = await PersonAsync(office.Reviewer);
        var (_, review) = await Get(reviewer, $"/v1/reviews/{id}");
        review = await CompleteChecklistAsync(reviewer, review);
        if (review.GetProperty("counselRequired").GetBoolean())
        {
            var (status, answer) = await Post(await PersonAsync("zhou.lawyer"), $"/v1/reviews/{id}/opinions", new JsonObject { ["text"] = "同意审核意见。" });
            Assert.True(status == HttpStatusCode.OK, answer.ToString());
            review = answer;
        }

        if (n % 13 == 0)
        {
            var (_, requested) = await Post(reviewer, $"/v1/reviews/{id}/extension", new JsonObject { ["version"] = review.Version(), ["reason"] = "案情复杂" });
            Count("extensionRequested");
            var (status, decided) = await Post(await PersonAsync(office.Head), $"/v1/reviews/{id}/extension/decision", new JsonObject
            {
                ["version"] = requested.Version(),
                ["approved"] = true,
            });
            Assert.True(status == HttpStatusCode.OK, decided.ToString());
            Count("extensionGranted");
            review = decided;
        }

        var outcome = n % 11 == 0 ? "reject" : n % 17 == 0 ? "correct" : n % 19 == 0 ? "refer" : "approve";
        var body = new JsonObject { ["version"] = review.Version(), ["outcome"] = outcome };
        if (outcome != "approve")
        {
            body["reason"] = "审核认为应当如此处理。";
        }

        var (recorded, answered) = await Post(reviewer, $"/v1/reviews/{id}/outcome", body);
        Assert.True(recorded == HttpStatusCode.OK, answered.ToString());
        Count(outcome);
        if (outcome != "approve")
        {
            return;
        }

        var day = DateOnly.FromDateTime(_app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);
        At(day, 9, async () =>
        {
            var (_, issuance) = await Post(_app.CaseSystem((string)decision["department"]!), "/v1/issuance", new JsonObject { ["decision"] = Fresh(decision) });
            Assert.True(issuance.GetProperty("issuable").GetBoolean(), issuance.ToString());
            await ReportAsync(decision, issuance.GetProperty("permit").GetProperty("token").GetString(), n, day);
        });
    }

    private async Task ReportAsync(JsonObject decision, string? permit, int n, DateOnly decidedOn)
    {
        var department = (string)decision["department"]!;
        var system = _app.CaseSystem(department);
        if (!_documents.TryGetValue(department, out var document))
        {
            _documents[department] = document = await UploadAsync(system, SampleFiles.Pdf($"decision document of {department}"));
        }

        var report = IssuedReport(Fresh(decision), permit, document);
        report["decidedOn"] = decidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        report["documentNumber"] = $"{department}决〔2026〕{n + 1}号";
        var (status, answer) = await Post(system, "/v1/issued-decisions", report);
        Assert.True(status == HttpStatusCode.Created, answer.ToString());
        Count("reported");
        var publication = answer.GetProperty("publicationId").GetString()!;

        // Published from the same day to 16 days later: within 7 working days mostly, late now and then.
        var publishOn = decidedOn.AddDays(n % 17);
        At(publishOn, 15, async () =>
        {
            var reviewer = await PersonAsync(Offices[department].Reviewer);
            var (approved, published) = await Post(reviewer, $"/v1/publications/{publication}/approval", new JsonObject { ["version"] = 1 });
            Assert.True(approved == HttpStatusCode.OK, published.ToString());
            Count("published");
            if (n % 23 != 0)
            {
                return;
            }

            // Revoked a few days later; withdrawn within three days, or (every other one) late.
            At(publishOn.AddDays(5), 16, async () =>
            {
                var changedOn = publishOn.AddDays(n % 2 == 0 ? 4 : 1);
                var (withdrawn, answer) = await Post(await PersonAsync(Offices[department].Reviewer), $"/v1/publications/{publication}/withdrawal", new JsonObject
                {
                    ["version"] = 2,
                    ["grounds"] = "撤销",
                    ["changedOn"] = changedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["reason"] = "决定经行政复议被撤销。",
                });
                Assert.True(withdrawn == HttpStatusCode.OK, answer.ToString());
                Count(n % 2 == 0 ? "withdrawn" : "withdrawnLate");
            });
        });
    }
}
