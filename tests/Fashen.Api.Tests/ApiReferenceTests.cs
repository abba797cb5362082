using System.Net;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The OpenAPI document, the reference page and the health endpoints that operators and case
/// system developers read.</summary>
public class ApiReferenceTests
{
    [Fact]
    public async Task OpenApiDocument_MatchesTheCommittedCopy()
    {
        await using var app = FashenApp.Start();

        using var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        // docs/openapi.v1.json is committed so that every change to the API shows in review.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Baseline.Match(text.TrimEnd() + "\n", Repository.Path("docs", "openapi.v1.json"));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryOperation_InChinese_WithItsCredentials()
    {
        await using var app = FashenApp.Start();

        var (_, document) = await Get(app.Anonymous(), "/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Contains(operations, o => o.Route == "POST /v1/reviews");
        Assert.Contains(operations, o => o.Route == "POST /v1/issuance");
        Assert.Contains(operations, o => o.Route == "GET /v1/record/verification");
        Assert.All(operations, o => Assert.Matches("[\u4e00-\u9fff]", o.Operation.GetProperty("summary").GetString()));
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("tags", out _), o.Route));

        // Every operation is named, from the table (so a generated client's methods keep their names), each name once.
        Assert.All(operations, o => Assert.Equal(Fashen.Api.Reference.OperationIds.ByOperation.GetValueOrDefault(o.Route), o.Operation.GetProperty("operationId").GetString()));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        var signIn = operations.Single(o => o.Route == "POST /v1/auth/token").Operation;
        Assert.Equal(0, signIn.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task ReferencePage_IsServed_AndPointsAtTheDocument()
    {
        await using var app = FashenApp.Start();

        using var page = await app.Anonymous().GetAsync("/docs/index.html");
        using var config = await app.Anonymous().GetAsync("/docs/index.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("法审 Fashen API", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersWithoutCredentials(string path)
    {
        await using var app = FashenApp.Start();

        using var response = await app.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_WhenTheStoreCannotBeRead_IsUnhealthy_WhileLiveStaysHealthy()
    {
        await using var app = FashenApp.Start();

        // A closed store reads as a failed one does: LiteDB closes its engine after a disk error.
        ((IDisposable)app.Store).Dispose();
        using var ready = await app.Anonymous().GetAsync("/health/ready");
        using var live = await app.Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_WhenTheHolidayArrangementRunsOutWithinTwoMonths_IsDegraded_YetStillReady()
    {
        await using var app = FashenApp.Start();

        // The samples hold 2024 to 2026. On 1 November 2026 the next sixty days end in 2026; on 2 November they reach 2027.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
        using var stillCovered = await app.Anonymous().GetAsync("/health/ready");
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var runningOut = await app.Anonymous().GetAsync("/health/ready");
        for (var probe = 0; probe < 3; probe++)
        {
            using var again = await app.Anonymous().GetAsync("/health/ready");
        }

        Assert.Equal("Healthy", await stillCovered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, runningOut.StatusCode);
        Assert.Equal("Degraded", await runningOut.Content.ReadAsStringAsync());

        // The log says which year is missing, once, however often the load balancer probes.
        var warning = Assert.Single(app.ErrorLog.Warnings, w => w.Contains("节假日", StringComparison.Ordinal));
        Assert.Contains("2027 年的法定节假日安排尚未载入", warning, StringComparison.Ordinal);
    }
}
