using System.Net;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests;

/// <summary>The small things people and their tools notice: answers not cached, compressed, a permissions policy, a favicon,
/// and problem types that lead to the documentation of their code.</summary>
public sealed class HttpHygieneTests
{
    [Fact]
    public async Task ApiAnswers_AreNotStored_AndPagesRefuseDeviceAccess()
    {
        await using var app = FashenApp.Start();
        var answer = await app.CaseSystem("scjg").GetAsync(new Uri("/v1/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        var page = await app.Anonymous().GetAsync(new Uri("/public/decisions", UriKind.Relative));
        Assert.Contains("camera=()", page.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_AreCompressed_WhenTheClientAccepts()
    {
        await using var app = FashenApp.Start();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.AcceptEncoding.ParseAdd("br");

        var answer = await app.Anonymous().SendAsync(request);

        Assert.Equal("br", Assert.Single(answer.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Favicon_IsServed()
    {
        await using var app = FashenApp.Start();
        var client = app.Anonymous();

        var ico = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        var svg = await client.GetAsync(new Uri("/assets/favicon.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode); // followed to the SVG
        Assert.Equal("image/svg+xml", ico.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProblemType_LeadsToTheSectionOfItsCode()
    {
        await using var app = FashenApp.Start();
        var (status, problem) = await Get(app.CaseSystem("scjg"), "/v1/reviews/R-none");
        Assert.Equal(HttpStatusCode.NotFound, status);

        var type = problem.GetProperty("type").GetString()!;
        Assert.Equal($"/diagnostics#{problem.Code().ToLowerInvariant()}", type);
        var page = await app.Anonymous().GetStringAsync(new Uri(type.Split('#')[0], UriKind.Relative));
        Assert.Contains($"id=\"{problem.Code().ToLowerInvariant()}\"", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
    }
}
