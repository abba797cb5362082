using System.Net;

namespace Fashen.Api.Tests;

/// <summary>The public catalogues (事前公开) served without sign-in: the same pages and JSON that
/// <c>fashen publish</c> writes for a government website.</summary>
public sealed class PublicCataloguesTests : IAsyncLifetime
{
    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Index_WithoutSignIn_ListsEveryDepartment()
    {
        var response = await _app.Anonymous().GetAsync("/public/catalogues");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/public/catalogues/", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var department in new[] { "jtys", "nync", "scjg", "sthj", "yjgl", "zhzf" })
        {
            Assert.Contains($"<a href=\"{department}.html\">", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("scjg.html")]
    [InlineData("scjg.json")]
    [InlineData("sthj.html")]
    [InlineData("index.html")]
    public async Task Department_ServedAsPublished_ByteForByte(string file)
    {
        // The service's day (2 March 2026) is the day the published copies were written for.
        var response = await _app.Anonymous().GetAsync($"/public/catalogues/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Baseline.Match(await response.Content.ReadAsStringAsync(), Repository.Samples("published", file));
    }

    [Theory]
    [InlineData("/public/catalogues/")]
    [InlineData("/public/catalogues/scjg.html")]
    [InlineData("/public/catalogues/catalogues.json")]
    public async Task Page_CarriesAnEntityTag_AndACurrentCopyIsNotSentAgain(string path)
    {
        var client = _app.Anonymous();
        using var first = await client.GetAsync(path);
        var tag = first.Headers.ETag;

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag!);
        using var revalidated = await client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"an-older-copy\""));
        using var changed = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(tag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await changed.Content.ReadAsStringAsync());
        Assert.Equal(tag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("nosuch.html")]
    [InlineData("scjg.exe")]
    public async Task Unknown_IsNotFoundAsProblem(string file)
    {
        var response = await _app.Anonymous().GetAsync($"/public/catalogues/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReviewApi_StillNeedsSignIn()
    {
        var response = await _app.Anonymous().GetAsync("/v1/catalogues");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
