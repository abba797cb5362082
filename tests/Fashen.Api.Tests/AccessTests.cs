using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Who may do what: each role against each endpoint, and nobody across departments.</summary>
public class AccessTests
{
    private delegate Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> Call(HttpClient client, string reviewId, long version, int attempt);

    private static readonly (string Action, Call Call)[] Actions =
    [
        ("submit", (c, _, _, n) => Post(c, "/v1/reviews", Submission(FoodFine($"新案{n}")))),
        ("read", (c, id, _, _) => Get(c, $"/v1/reviews/{id}")),
        ("history", (c, id, _, _) => Get(c, $"/v1/reviews/{id}/history")),
        ("assign", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = v })),
        ("release", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/release", new JsonObject { ["version"] = v, ["reason"] = "休假。" })),
        ("transfer", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/transfer", new JsonObject { ["version"] = v, ["to"] = "li.min", ["reason"] = "另行分配。" })),
        ("opinion", (c, id, _, _) => Post(c, $"/v1/reviews/{id}/opinions", new JsonObject { ["text"] = "意见。" })),
        ("confirm", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/confirmation", new JsonObject { ["version"] = v, ["confirmed"] = true })),
        ("discussion", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/collective-discussion", new JsonObject
        {
            ["version"] = v, ["heldOn"] = "2026-03-02", ["participants"] = new JsonArray("甲", "乙"), ["conclusion"] = "agree",
            ["minutes"] = new JsonObject { ["sha256"] = new string('a', 64), ["fileName"] = "纪要.pdf" },
        })),
        ("extension-decision", (c, id, v, _) => Post(c, $"/v1/reviews/{id}/extension/decision", new JsonObject { ["version"] = v, ["approved"] = true })),
        ("issue", (c, _, _, _) => Post(c, "/v1/issuance", new JsonObject { ["decision"] = FoodFine() })),
        ("verify-record", (c, _, _, _) => Get(c, "/v1/record/verification")),
        ("reload", (c, _, _, _) => Post(c, "/v1/catalogues/reload")),
    ];

    // Expected status per caller and action; a code names the refusal. "-" means not asserted.
    private static readonly Dictionary<string, Dictionary<string, string>> Matrix = new()
    {
        ["scjg system"] = new() { ["submit"] = "201", ["read"] = "200", ["history"] = "200", ["assign"] = "FS5014", ["release"] = "FS5014", ["transfer"] = "FS5014", ["opinion"] = "FS5014", ["confirm"] = "FS5014", ["discussion"] = "FS5050", ["extension-decision"] = "FS5014", ["issue"] = "200", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["sthj system"] = new() { ["submit"] = "FS5013", ["read"] = "FS5013", ["history"] = "FS5013", ["assign"] = "FS5013", ["release"] = "FS5013", ["transfer"] = "FS5013", ["opinion"] = "FS5013", ["confirm"] = "FS5013", ["discussion"] = "FS5013", ["extension-decision"] = "FS5013", ["issue"] = "FS5013", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["li.min"] = new() { ["submit"] = "FS5014", ["read"] = "200", ["history"] = "200", ["assign"] = "200", ["release"] = "200", ["transfer"] = "FS5046", ["opinion"] = "FS5014", ["confirm"] = "FS5014", ["discussion"] = "FS5050", ["extension-decision"] = "FS5014", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["zhao.lei"] = new() { ["submit"] = "FS5014", ["read"] = "FS5013", ["history"] = "FS5013", ["assign"] = "FS5013", ["release"] = "FS5013", ["transfer"] = "FS5013", ["opinion"] = "FS5013", ["confirm"] = "FS5013", ["discussion"] = "FS5013", ["extension-decision"] = "FS5013", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["zhou.lawyer"] = new() { ["submit"] = "FS5014", ["read"] = "200", ["history"] = "200", ["assign"] = "FS5014", ["release"] = "FS5014", ["transfer"] = "FS5014", ["opinion"] = "200", ["confirm"] = "FS5014", ["discussion"] = "FS5014", ["extension-decision"] = "FS5014", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["sun.head"] = new() { ["submit"] = "FS5014", ["read"] = "200", ["history"] = "200", ["assign"] = "FS5014", ["release"] = "FS5046", ["transfer"] = "200", ["opinion"] = "FS5014", ["confirm"] = "FS5006", ["discussion"] = "FS5050", ["extension-decision"] = "FS5016", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["qian.head"] = new() { ["submit"] = "FS5014", ["read"] = "FS5013", ["history"] = "FS5013", ["assign"] = "FS5013", ["release"] = "FS5013", ["transfer"] = "FS5013", ["opinion"] = "FS5013", ["confirm"] = "FS5013", ["discussion"] = "FS5013", ["extension-decision"] = "FS5013", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["jiang.jd"] = new() { ["submit"] = "FS5014", ["read"] = "200", ["history"] = "200", ["assign"] = "FS5014", ["release"] = "FS5014", ["transfer"] = "FS5014", ["opinion"] = "FS5014", ["confirm"] = "FS5014", ["discussion"] = "FS5014", ["extension-decision"] = "FS5014", ["issue"] = "FS5014", ["verify-record"] = "FS5014", ["reload"] = "FS5014" },
        ["admin"] = new() { ["submit"] = "FS5014", ["read"] = "200", ["history"] = "200", ["assign"] = "FS5014", ["release"] = "FS5014", ["transfer"] = "FS5014", ["opinion"] = "FS5014", ["confirm"] = "FS5014", ["discussion"] = "FS5014", ["extension-decision"] = "FS5014", ["issue"] = "FS5014", ["verify-record"] = "200", ["reload"] = "200" },
        ["anonymous"] = new() { ["submit"] = "FS6003", ["read"] = "FS6003", ["history"] = "FS6003", ["assign"] = "FS6003", ["release"] = "FS6003", ["transfer"] = "FS6003", ["opinion"] = "FS6003", ["confirm"] = "FS6003", ["discussion"] = "FS6003", ["extension-decision"] = "FS6003", ["issue"] = "FS6003", ["verify-record"] = "FS6003", ["reload"] = "FS6003" },
    };

    [Fact]
    public async Task EveryRole_AgainstEveryEndpoint_GetsExactlyWhatItsRoleAllows()
    {
        await using var app = FashenApp.Start();
        var review = await SubmitAcceptedAsync(app);
        var id = review.GetProperty("id").GetString()!;
        var failures = new List<string>();
        var attempt = 0;
        foreach (var (caller, expectations) in Matrix)
        {
            var client = caller switch
            {
                "scjg system" => app.CaseSystem("scjg"),
                "sthj system" => app.CaseSystem("sthj"),
                "anonymous" => app.Anonymous(),
                _ => await app.PersonAsync(caller),
            };
            foreach (var (action, call) in Actions)
            {
                // Read the version afresh: an allowed call before may have changed the review.
                var version = app.Store.LatestReviewFor("scjg", "桓市监罚〔2026〕001号")!.Version;
                var (status, body) = await call(client, id, version, attempt++);
                var expected = expectations[action];
                var actual = (int)status < 300 ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("code", out var code) ? code.GetString() : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (actual != expected)
                {
                    failures.Add($"{caller} {action}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersDepartments()
    {
        await using var app = FashenApp.Start();
        await SubmitAcceptedAsync(app);

        var (_, ownDepartment) = await Get(await app.PersonAsync("li.min"), "/v1/reviews");
        var (_, otherDepartment) = await Get(await app.PersonAsync("zhao.lei"), "/v1/reviews");
        var (_, otherSystem) = await Get(app.CaseSystem("sthj"), "/v1/reviews");
        var (status, problem) = await Get(await app.PersonAsync("zhao.lei"), "/v1/reviews?department=scjg");

        Assert.Equal(1, ownDepartment.GetProperty("total").GetInt32());
        Assert.Equal(0, otherDepartment.GetProperty("total").GetInt32());
        Assert.Equal(0, otherSystem.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FS5013", problem.Code());
    }

    [Fact]
    public async Task WrongPasswordOrKey_Is401WithCode()
    {
        await using var app = FashenApp.Start();
        var client = app.Anonymous();

        var (status, problem) = await Post(client, "/v1/auth/token", new JsonObject { ["username"] = "li.min", ["password"] = "wrong" });
        Assert.Equal((HttpStatusCode.Unauthorized, "FS6004"), (status, problem.Code()));

        client.DefaultRequestHeaders.Add("X-Api-Key", "fsk_nothing_here");
        (status, problem) = await Get(client, "/v1/reviews");
        Assert.Equal((HttpStatusCode.Unauthorized, "FS6003"), (status, problem.Code()));
    }

    [Fact]
    public async Task WhoAmI_NamesTheCaller_AndRefusesNoCredentials()
    {
        await using var app = FashenApp.Start();

        var (status, caseSystem) = await Get(app.CaseSystem("sthj"), "/v1/whoami");
        var (_, person) = await Get(await app.PersonAsync("li.min"), "/v1/whoami");
        var (anonymous, _) = await Get(app.Anonymous(), "/v1/whoami");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("case_system", caseSystem.GetProperty("kind").GetString());
        Assert.Equal(["sthj"], caseSystem.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("person", "李敏"), (person.GetProperty("kind").GetString(), person.GetProperty("name").GetString()));
        Assert.Equal(["reviewer"], person.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }
}
