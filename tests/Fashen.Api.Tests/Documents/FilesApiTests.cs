using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Documents;

/// <summary>Files of case files over HTTP on the store under test: uploaded to their SHA-256, kept once, read back as sent
/// with a record of each read; and everything that is not a whole file of an accepted kind, or not the file named, refused
/// with its code and nothing kept.</summary>
public sealed class FilesApiTests : IAsyncLifetime
{
    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start(new Dictionary<string, string> { ["Fashen:MaxFileBytes"] = "100000" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APdf_IsKeptOnce_ReadBackAsSent_AndEveryReadIsRecorded()
    {
        var pdf = SampleFiles.Pdf("case 001");
        var sha = SampleFiles.Sha256(pdf);
        var caseSystem = _app.CaseSystem("scjg");

        var (created, body) = await PutFileAsync(caseSystem, sha, pdf, "application/pdf");
        var (again, _) = await PutFileAsync(caseSystem, sha, pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(pdf.Length, body.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", body.GetProperty("contentType").GetString());

        using var read = await caseSystem.GetAsync($"/v1/files/{sha}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(pdf, await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", read.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", read.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("default-src 'none'", read.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // A range, as a player asks for one: the bytes asked for, not recorded again.
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/files/{sha}");
        rangeRequest.Headers.Range = new RangeHeaderValue(10, 19);
        using var range = await caseSystem.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(pdf[10..20], await range.Content.ReadAsByteArrayAsync());

        var entries = _app.Store.ReadAll().ToList();
        Assert.Single(entries, e => e.Type == "file.stored" && e.Data.Contains(sha, StringComparison.Ordinal));
        Assert.Single(entries, e => e.Type == "file.read" && e.Data.Contains(sha, StringComparison.Ordinal));
        var (_, verification) = await Get(await _app.PersonAsync("admin"), "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task AFileStored_OutlivesARestart()
    {
        var png = SampleFiles.Png();
        var sha = SampleFiles.Sha256(png);
        Assert.Equal(HttpStatusCode.Created, (await PutFileAsync(_app.CaseSystem("scjg"), sha, png, "image/png")).Status);

        _app = await _app.RestartAsync();

        using var read = await _app.CaseSystem("scjg").GetAsync($"/v1/files/{sha}");
        Assert.Equal(png, await read.Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "another file's hash", "application/pdf", "FS6019" },
        { "an executable", "application/pdf", "FS6017" },
        { "a document with macros", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "FS6017" },
        { "a PDF declared an image", "image/png", "FS6021" },
        { "a cut PDF", "application/pdf", "FS6018" },
        { "a page", "text/html", "FS6016" },
        { "too large", "application/pdf", "FS6020" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task WhatIsNotAWholeFileOfAnAcceptedKind_OrNotTheOneNamed_IsRefused_AndNothingIsKept(string what, string declared, string code)
    {
        var bytes = what switch
        {
            "an executable" => SampleFiles.Elf(),
            "a document with macros" => SampleFiles.Docx(withMacros: true),
            "a cut PDF" => SampleFiles.Pdf()[..^30],
            "a page" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
            "too large" => [.. SampleFiles.Pdf(), .. new byte[100_001]],
            _ => SampleFiles.Pdf(),
        };
        var sha = what == "another file's hash" ? SampleFiles.Sha256(SampleFiles.Png()) : SampleFiles.Sha256(bytes);
        var caseSystem = _app.CaseSystem("scjg");
        var entriesBefore = _app.Store.ReadAll().Count();

        var (status, problem) = await PutFileAsync(caseSystem, sha, bytes, declared);

        Assert.True(problem.Code() == code, $"{what}: {(int)status} {problem}");
        Assert.InRange((int)status, 400, 499);
        var (notKept, missing) = await Get(caseSystem, $"/v1/files/{sha}");
        Assert.Equal(HttpStatusCode.NotFound, notKept);
        Assert.Equal("FS5029", missing.Code());
        Assert.Null(_app.Services.GetRequiredService<Fashen.Store.IFashenStore>().FindFile(sha));
        Assert.Equal(entriesBefore, _app.Store.ReadAll().Count());
        Assert.Empty(Directory.Exists(Path.Combine(_app.DataFolder, "uploads")) ? Directory.GetFiles(Path.Combine(_app.DataFolder, "uploads")) : []);
    }

    [Fact]
    public async Task AFile_IsReadOnlyByWhoStoredIt_AndAdministrators()
    {
        var pdf = SampleFiles.Pdf("scjg only");
        var sha = SampleFiles.Sha256(pdf);
        await PutFileAsync(_app.CaseSystem("scjg"), sha, pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.NotFound, (await Get(_app.CaseSystem("sthj"), $"/v1/files/{sha}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.PersonAsync("admin")).GetAsync($"/v1/files/{sha}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync($"/v1/files/{sha}")).StatusCode);
    }

    [Fact]
    public async Task ABodyCameraRecording_IsRegisteredByItsHash_WithoutItsBytes()
    {
        var sha = new string('a', 64);
        var request = new System.Text.Json.Nodes.JsonObject
        {
            ["sha256"] = sha, ["size"] = 1_500_000_000, ["contentType"] = "video/mp4", ["durationSeconds"] = 1800,
            ["system"] = "执法记录仪管理平台", ["location"] = "DSJ-0012/20261204-0930.mp4", ["recordedAt"] = "2026-12-04T09:30:00+08:00",
        };

        var (status, body) = await Post(_app.CaseSystem("scjg"), "/v1/files/recordings", request);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(body.GetProperty("held").GetBoolean());
        Assert.Equal("DSJ-0012/20261204-0930.mp4", body.GetProperty("recording").GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Get(_app.CaseSystem("scjg"), $"/v1/files/{sha}")).Status);
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "file.stored" && e.Data.Contains("执法记录仪管理平台", StringComparison.Ordinal));
    }
}
