using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>Property: whatever body a caller sends to a write endpoint — keys twice, strings too long or full of invisible
/// characters, numbers that overflow or underflow, dates past any horizon, values of the wrong kind, nesting too deep — the
/// answer is never a 5xx, and a refused request writes nothing but the record of its refusal.</summary>
public sealed class HostileBodiesTests
{
    // The entries a refusal may leave: the record of a refused decision, a refused issuance, and the alerts they raise.
    private static readonly string[] RefusalEntries = ["decision.unlawful", "issuance.refused", "alert.review_evasion", "alert.record_broken"];

    private static readonly string[] HostileStrings =
    [
        string.Empty, " ", new string('案', 5000), new string('x', 100_000), "\u200b", "A\u0000B", "\u202e反向", "\ud83d\ude00", "9999-12-31",
        "0001-01-01", "+10000-01-01", "2026-02-30", "1e400", "-1e400", "1e-400", "0.001", "99999999999999999999999999999999万元", "NaN",
    ];

    private static readonly string[] HostileKeys = [new string('k', 5000), "a b", "\t", "ok-key-1", "OK-KEY-1", "%00"];

    private static readonly string[] HostileNumbers =
    [
        "1e400", "-1e400", "1e-400", "-0", "0.000001", "1e28", "79228162514264337593543950336", "-79228162514264337593543950336",
        "123456789012345678901234567890.5", "9007199254740993",
    ];

    [Fact]
    public async Task HostileBodies_AtEveryWriteEndpoint_NeverGetA5xx_AndRefusalsWriteNothingElse()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var reviewer = await app.PersonAsync("li.min");
        var admin = await app.PersonAsync("admin");
        var review = await SubmitAcceptedAsync(app, "桓市监罚〔2026〕900号");
        var id = review.GetProperty("id").GetString()!;
        var item = Uri.EscapeDataString(review.GetProperty("checklist")[0].GetProperty("id").GetString()!);

        var endpoints = new (string Path, HttpMethod Method, HttpClient Client, JsonObject Body)[]
        {
            ("/v1/classifications", HttpMethod.Post, caseSystem, FoodFine("桓市监罚〔2026〕901号")),
            ("/v1/reviews", HttpMethod.Post, caseSystem, Submission(FoodFine("桓市监罚〔2026〕902号"))),
            ($"/v1/reviews/{id}/resubmissions", HttpMethod.Post, caseSystem, Submission(FoodFine("桓市监罚〔2026〕900号"))),
            ("/v1/issuance", HttpMethod.Post, caseSystem, new JsonObject { ["decision"] = FoodFine("桓市监罚〔2026〕903号") }),
            ($"/v1/reviews/{id}/return", HttpMethod.Post, reviewer, new JsonObject { ["version"] = review.Version(), ["missingMaterials"] = new JsonArray("证据材料"), ["note"] = "补正" }),
            ($"/v1/reviews/{id}/checklist/{item}", HttpMethod.Put, reviewer, new JsonObject { ["version"] = review.Version(), ["status"] = "pass", ["note"] = "无" }),
            ($"/v1/reviews/{id}/opinions", HttpMethod.Post, reviewer, new JsonObject { ["text"] = "意见" }),
            ($"/v1/reviews/{id}/extension", HttpMethod.Post, reviewer, new JsonObject { ["version"] = review.Version(), ["reason"] = "案情复杂" }),
            ($"/v1/reviews/{id}/outcome", HttpMethod.Post, reviewer, new JsonObject { ["version"] = review.Version(), ["outcome"] = "reject", ["reason"] = "不同意" }),
            ("/v1/permits/verification", HttpMethod.Post, caseSystem, new JsonObject { ["token"] = "x.y.z" }),
            ("/v1/auth/token", HttpMethod.Post, app.Anonymous(), new JsonObject { ["username"] = "no.such.person", ["password"] = "x" }),
            ("/v1/catalogues/reload", HttpMethod.Post, admin, new JsonObject()),
        };

        var cases =
            from endpoint in Gen.Int[0, endpoints.Length - 1]
            from mutations in Gen.Int[1, 3]
            from seed in Gen.Int
            select (Endpoint: endpoint, Mutations: mutations, Seed: seed);

        await cases.SampleAsync(
            async c =>
            {
                var (path, method, client, body) = endpoints[c.Endpoint];
                var text = Mutate(body, c.Mutations, new Random(c.Seed));

                // Classifications are recorded after their answers: the record is read only once they are in it.
                await app.RecordedAsync();
                var before = app.Store.Head()?.Sequence ?? 0;

                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
                if (c.Seed % 4 == 0)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", HostileKeys[(c.Seed / 4 & int.MaxValue) % HostileKeys.Length]);
                }

                using var response = await client.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();

                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {path}: {Shown(text)}\n{answer}\n{app.ErrorLog}");
                await app.RecordedAsync();
                if ((int)response.StatusCode >= 400)
                {
                    var written = app.Store.ReadAll(before).Where(e => !RefusalEntries.Contains(e.Type)).Select(e => e.Type).ToList();
                    Assert.True(written.Count == 0, $"{(int)response.StatusCode} for {path} wrote {string.Join(", ", written)}: {Shown(text)}");
                }
            },
            iter: 600,
            threads: 1,
            print: c => $"{endpoints[c.Endpoint].Path} {Shown(Mutate(endpoints[c.Endpoint].Body, c.Mutations, new Random(c.Seed)))}");

        // Whatever was accepted on the way, the record still verifies.
        var (_, verification) = await Get(admin, "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Theory]
    [InlineData("caseId", "\"" + "X" + "\"", "long-case-id")]
    [InlineData("proposedOn", "\"9999-12-31\"", null)]
    [InlineData("proposedOn", "\"0001-01-01\"", null)]
    [InlineData("fine_amount", "1e-400", null)]
    [InlineData("fine_amount", "0.001", null)]
    [InlineData("fine_amount", "1e28", null)]
    [InlineData("caseId", "\"桓市监罚\", \"caseId\": \"另一个\"", null)]
    public async Task KnownHostileValues_AreCodedProblems_AndWriteNothing(string member, string value, string? special)
    {
        await using var app = FashenApp.Start();
        var body = FoodFine().ToJsonString();
        var old = member == "caseId" ? "\"caseId\":\"" : $"\"{member}\":";
        var start = body.IndexOf(old, StringComparison.Ordinal) + old.Length - (member == "caseId" ? 1 : 0);
        var end = body.IndexOfAny([',', '}'], start);
        var written = special == "long-case-id" ? "\"" + new string('案', 2000) + "\"" : value;
        var hostile = body[..start] + written + body[end..];

        foreach (var (path, text) in new[] { ("/v1/classifications", hostile), ("/v1/reviews", $"{{\"decision\":{hostile},\"materials\":[],\"submittedBy\":\"王强\"}}"), ("/v1/issuance", $"{{\"decision\":{hostile}}}") })
        {
            var before = app.Store.Head()?.Sequence ?? 0;
            var response = await app.CaseSystem("scjg").PostAsync(path, new StringContent(text, Encoding.UTF8, "application/json"));
            var answer = await response.Content.ReadAsStringAsync();
            await app.RecordedAsync();

            Assert.True((int)response.StatusCode is 400 or 422, $"{path}: {(int)response.StatusCode} {answer}");
            Assert.Matches("\"code\": ?\"FS\\d{4}\"", answer);
            Assert.Empty(app.Store.ReadAll(before));
        }
    }

    // The body with a few hostile changes: a value replaced, a key written twice, a key removed or added, nesting deepened.
    private static string Mutate(JsonObject original, int count, Random random)
    {
        var body = original.DeepClone().AsObject();
        string? duplicated = null;
        for (var i = 0; i < count; i++)
        {
            var (parent, key) = Pick(body, random);
            switch (random.Next(7))
            {
                case 0 or 1:
                    parent[key] = JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]);
                    break;
                case 2:
                    duplicated = $"\"{key}\"";
                    break;
                case 3:
                    parent.Remove(key);
                    break;
                case 4:
                    parent["__" + key] = JsonValue.Create(HostileStrings[random.Next(HostileStrings.Length)]);
                    break;
                case 5:
                    parent[key] = new JsonArray(new JsonObject { ["x"] = new JsonArray(new JsonArray(new JsonArray())) });
                    break;
                default:
                    parent[key] = JsonValue.Create(0);
                    var number = HostileNumbers[random.Next(HostileNumbers.Length)];
                    return Duplicate(body.ToJsonString(), duplicated).Replace($"\"{key}\":0", $"\"{key}\":{number}", StringComparison.Ordinal);
            }
        }

        return Duplicate(body.ToJsonString(), duplicated);
    }

    // Writes a key a second time, beside its first, with another value: {"caseId":"A","caseId":"B"}.
    private static string Duplicate(string json, string? key)
    {
        if (key is null)
        {
            return json;
        }

        var at = json.IndexOf(key + ":", StringComparison.Ordinal);
        return at < 0 ? json : json.Insert(at, $"{key}:\"重复的值\",");
    }

    // A random key of the body or of an object inside it.
    private static (JsonObject Parent, string Key) Pick(JsonObject body, Random random)
    {
        var objects = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o.Count > 0)
                {
                    objects.Add(o);
                }

                foreach (var (_, child) in o)
                {
                    Walk(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Walk(child);
                }
            }
        }

        Walk(body);
        if (objects.Count == 0)
        {
            return (body, "x");
        }

        var parent = objects[random.Next(objects.Count)];
        return (parent, parent.ElementAt(random.Next(parent.Count)).Key);
    }

    private static string Shown(string text) => text.Length > 600 ? text[..600] + $"…（{text.Length} 字）" : text;
}
