using System.Net;
using System.Text;
using System.Text.Json;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>How the API's JSON answers go over the wire: whole, with their length, Chinese unescaped. Sending an
/// answer chunked costs a case system's busiest call a third of its throughput (docs/performance.md).</summary>
public sealed class AnswerFramingTests
{
    [Fact]
    public async Task Classification_IsSentWithItsLength_NotChunked_ChineseAsWritten()
    {
        await using var app = FashenApp.Start();

        using var response = await app.CaseSystem("scjg").PostAsync("/v1/classifications", Json(FoodFine()));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = Encoding.UTF8.GetString(body);
        using var answer = JsonDocument.Parse(text);
        Assert.Equal("major", answer.RootElement.GetProperty("classification").GetString());
        Assert.Contains(answer.RootElement.GetProperty("summary").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_IsCreated_WithItsLocationVersionAndLength()
    {
        await using var app = FashenApp.Start();

        using var response = await app.CaseSystem("scjg").PostAsync("/v1/reviews", Json(Submission(FoodFine())));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var review = JsonDocument.Parse(body);
        var id = review.RootElement.GetProperty("id").GetString();
        Assert.Equal($"/v1/reviews/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"\"{review.RootElement.Version()}\"", response.Headers.ETag?.Tag);
    }

    private static StringContent Json(System.Text.Json.Nodes.JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
