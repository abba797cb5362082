using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fashen.Tests;

/// <summary>Requests the tests send, and reading their answers.</summary>
internal static class Requests
{
    /// <summary>A 60,000 元 fine on a legal person in food safety: major under SC-P-04 of the 市场监管局 catalogue.</summary>
    public static JsonObject FoodFine(string caseId = "桓市监罚〔2026〕001号", decimal fine = 60000) => new()
    {
        ["caseId"] = caseId,
        ["department"] = "scjg",
        ["action"] = "行政处罚",
        ["procedure"] = "一般程序",
        ["proposedOn"] = "2026-03-02",
        ["facts"] = new JsonObject
        {
            ["party_type"] = "法人",
            ["field"] = "食品安全",
            ["fine_amount"] = fine,
            ["confiscation_amount"] = 0,
            ["penalty_kinds"] = new JsonArray("罚款"),
            ["discretion_adjustment"] = "无",
            ["impact"] = "一般",
        },
    };

    public static readonly string[] AllMaterials =
    [
        "重大执法决定法制审核送审表",
        "案件调查终结报告（载明基本事实、适用依据、裁量基准执行情况、执法人员资格）",
        "拟作出的行政执法决定书（代拟稿）",
        "证据材料",
    ];

    public static JsonObject Submission(JsonObject decision, IEnumerable<string>? materials = null) => new()
    {
        ["decision"] = decision,
        ["materials"] = new JsonArray((materials ?? AllMaterials).Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
        ["submittedBy"] = "王强",
        ["handledBy"] = new JsonArray("王强", "刘洋"),
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient client, HttpMethod method, string path, JsonNode? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, string path, JsonNode? body = null, string? idempotencyKey = null) =>
        Send(client, HttpMethod.Post, path, body, idempotencyKey);

    public static Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string path) => Send(client, HttpMethod.Get, path);

    /// <summary>Uploads a file of a case file to its SHA-256 (PUT /v1/files/{sha256}), answered as it is.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PutFileAsync(HttpClient client, string sha256, byte[] bytes, string contentType)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PutAsync($"/v1/files/{sha256}", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Uploads a file that must be kept, and gives its SHA-256.</summary>
    public static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string contentType = "application/pdf")
    {
        var sha = SampleFiles.Sha256(bytes);
        var (status, body) = await PutFileAsync(client, sha, bytes, contentType);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, body.ToString());
        return sha;
    }

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;

    public static long Version(this JsonElement review) => review.GetProperty("version").GetInt64();

    public static string State(this JsonElement review) => review.GetProperty("state").GetString()!;

    /// <summary>Submits the food-safety fine with every material, so it is accepted at once.</summary>
    public static async Task<JsonElement> SubmitAcceptedAsync(FashenApp app, string caseId = "桓市监罚〔2026〕001号")
    {
        var (status, review) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(caseId)));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("accepted", review.State());
        return review;
    }

    /// <summary>Takes a review as a reviewer and passes every checklist item.</summary>
    public static async Task<JsonElement> CompleteChecklistAsync(HttpClient reviewer, JsonElement review)
    {
        var id = review.GetProperty("id").GetString();
        var (_, current) = await Post(reviewer, $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() });
        foreach (var item in current.GetProperty("checklist").EnumerateArray().ToList())
        {
            var (status, next) = await Send(reviewer, HttpMethod.Put, $"/v1/reviews/{id}/checklist/{Uri.EscapeDataString(item.GetProperty("id").GetString()!)}",
                new JsonObject { ["version"] = current.Version(), ["status"] = "pass" });
            Assert.Equal(HttpStatusCode.OK, status);
            current = next;
        }

        return current;
    }

    /// <summary>A report of an issued decision, decided on Monday 2 March 2026, its document number made from its case id.</summary>
    public static JsonObject IssuedReport(
        JsonObject decision, string? permit, string document, string party = "桓台县某某食品有限公司", string conclusion = "罚款")
    {
        var report = new JsonObject
        {
            ["decision"] = decision,
            ["document"] = new JsonObject { ["sha256"] = document, ["fileName"] = "行政处罚决定书.pdf" },
            ["decidedOn"] = "2026-03-02",
            ["documentNumber"] = ((string)decision["caseId"]!).Replace("桓市监罚", "桓市监罚决", StringComparison.Ordinal),
            ["publication"] = new JsonObject
            {
                ["agency"] = "桓台县市场监督管理局",
                ["party"] = party,
                ["category"] = "行政处罚",
                ["conclusion"] = conclusion,
                ["basis"] = "《中华人民共和国食品安全法》第一百二十四条",
            },
        };
        if (permit is not null)
        {
            report["permit"] = permit;
        }

        return report;
    }

    /// <summary>Reports a 2,000 元 fine issued to a natural person (张三) without a permit (a minor decision needs none), with its
    /// decision document; gives the answer.</summary>
    public static async Task<JsonElement> ReportNaturalPersonAsync(FashenApp app, string caseId)
    {
        var scjg = app.CaseSystem("scjg");
        var document = await UploadAsync(scjg, SampleFiles.Pdf($"decision {caseId}"));
        var decision = FoodFine(caseId, 2000);
        decision["facts"]!["party_type"] = "自然人";
        var (status, report) = await Post(scjg, "/v1/issued-decisions", IssuedReport(
            decision, null, document, "张三", "张三（身份证号码370321199003074519）销售过期食品，罚款2000元。"));
        Assert.Equal(HttpStatusCode.Created, status);
        return report;
    }
}
