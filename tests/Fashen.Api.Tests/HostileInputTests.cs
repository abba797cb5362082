using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The HTTP surface against guessing, flooding and framing: sign-in throttling, a request budget per
/// caller, size limits, security headers, and error bodies without internals.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsRefusedEvenWithTheRightOne_UntilTheLockoutEnds()
    {
        await using var app = FashenApp.Start();
        var client = app.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = "guess " + attempt });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = FashenApp.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("900", locked.Headers.GetValues("Retry-After").Single());
        using var problem = JsonDocument.Parse(await locked.Content.ReadAsStringAsync());
        Assert.Equal("FS6012", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("请 15 分钟后再试", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another account is not locked by li.min's failures; li.min is, until fifteen minutes after the last failure.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/v1/auth/token", new { username = "sun.head", password = FashenApp.Password })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/v1/auth/token", new { username = "li.min", password = FashenApp.Password })).StatusCode);
    }

    [Fact]
    public async Task Api_BeyondTheCallersBudget_IsSlowedWith429_OthersAreNot()
    {
        // One token an hour: the bucket does not refill while the test runs, however slowly the machine answers.
        await using var app = FashenApp.Start(new Dictionary<string, string>
        {
            ["Fashen:RequestBurst"] = "3", ["Fashen:RequestsPerSecond"] = "1", ["Fashen:RequestRefillPeriod"] = "01:00:00",
        });
        var busy = app.CaseSystem("scjg");
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 5; n++)
        {
            statuses.Add((await Post(busy, "/v1/classifications", FoodFine())).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var response = await busy.PostAsJsonAsync("/v1/classifications", FoodFine());
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3600", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("\"FS6013\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another case system has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await app.CaseSystem("sthj").GetAsync("/v1/catalogues")).StatusCode);

        // The public site's readers have one per address (in the test server every anonymous caller shares one, which earlier
        // requests may have drawn on): a scraper is slowed, as the API document declares.
        var reader = app.Anonymous();
        HttpResponseMessage? slowed = null;
        for (var n = 0; n < 4 && slowed is null; n++)
        {
            var answer = await reader.GetAsync("/public/catalogues");
            slowed = answer.StatusCode == HttpStatusCode.TooManyRequests ? answer : null;
        }

        Assert.NotNull(slowed);
        Assert.Contains("\"FS6013\"", await slowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_IsRefusedBeforeItIsRead()
    {
        await using var app = FashenApp.Start();
        var body = new StringContent("{\"caseId\": \"" + new string('x', 300 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await app.CaseSystem("scjg").PostAsync("/v1/classifications", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/public/catalogues/")]
    [InlineData("/v1/catalogues")]
    public async Task Responses_CarrySecurityHeaders(string path)
    {
        await using var app = FashenApp.Start();

        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/classifications", "{\"caseId\": ")]
    [InlineData("/v1/classifications", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    [InlineData("/v1/classifications", "{\"caseId\": \"\\uD800\", \"department\": \"scjg\"}")]
    [InlineData("/v1/classifications", "{\"facts\": {\"罚款金额\": 1e400}}")]
    [InlineData("/v1/reviews", "{\"decision\": {\"caseId\": \"\\uDFFF\"}, \"materials\": [\"\\uD800\"]}")]
    [InlineData("/v1/reviews", "{\"decision\": 1, \"materials\": {}}")]
    [InlineData("/v1/auth/token", "{\"username\": \"\\uD800\", \"password\": \"x\"}")]
    [InlineData("/v1/auth/token", "{\"username\": [], \"password\": null}")]
    public async Task MalformedBodies_GetAProblemWithoutInternals(string path, string body)
    {
        await using var app = FashenApp.Start();

        var response = await app.CaseSystem("scjg").PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("\"code\": ?\"FS\\d{4}\"", text);
        foreach (var internals in new[] { "   at ", "Exception", "System.", "Fashen.", ".cs:line" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }
    }
}
