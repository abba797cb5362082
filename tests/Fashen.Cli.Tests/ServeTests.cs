using System.Net;
using System.Text.RegularExpressions;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen serve</c> as the README starts it — a real process on a loopback port with the
/// sample catalogues — and <c>requests/end-to-end.http</c> run against it with the demo credentials it prints.</summary>
public sealed partial class ServeTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("fashen-serve-").FullName;
    private ServiceProcess _server = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _server = await ServiceProcess.StartAsync(_data);
        _base = _server.Address;
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    private string Output => _server.Output;

    [Fact]
    public async Task EndToEndRequests_RunAgainstTheServiceWithTheDemoCredentials()
    {
        // The demo credentials, as a user reads them from the console; the service may answer /health/ready a moment before it
        // has printed them.
        for (var attempt = 0; attempt < 100 && !Output.Contains("\n  scjg ", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        var output = Output;
        var variables = new Dictionary<string, string>
        {
            ["base"] = _base.ToString().TrimEnd('/'),
            ["scjgKey"] = Credential().Match(output.Split('\n').First(l => l.StartsWith("  scjg ", StringComparison.Ordinal))).Value,
            ["reviewerPassword"] = Password(output, "li.min"),
            ["counselPassword"] = Password(output, "zhou.lawyer"),
        };
        Assert.True(File.Exists(Path.Combine(_data, "demo-credentials.txt")));

        var file = HttpFile.Parse(Repository.Path("requests", "end-to-end.http"));
        using var client = new HttpClient();
        var exchanges = (await file.RunAsync(client, variables)).ToDictionary(e => e.Request.Name ?? e.Request.Title);

        Assert.All(exchanges.Values, e => Assert.True(e.Status is >= 200 and < 300, $"{e.Request.Title}: {e.Status} {e.Body}"));
        Assert.Equal("major", exchanges["classify"].Body.GetProperty("classification").GetString());
        Assert.Equal("application/pdf", exchanges["upload"].Body.GetProperty("contentType").GetString());
        Assert.Equal("returned", exchanges["submit"].Body.GetProperty("state").GetString());
        Assert.Equal("accepted", exchanges["resubmit"].Body.GetProperty("state").GetString());
        Assert.Equal(exchanges["upload"].Body.GetProperty("sha256").GetString(), exchanges["resubmit"].Body.GetProperty("documents")[0].GetProperty("sha256").GetString());
        Assert.Equal("approved", exchanges["outcome"].Body.GetProperty("state").GetString());
        Assert.True(exchanges["issue"].Body.GetProperty("issuable").GetBoolean());
        Assert.Equal(
            exchanges["resubmit"].Body.GetProperty("documentsDigest").GetString(),
            exchanges["issue"].Body.GetProperty("permit").GetProperty("claims").GetProperty("documentsDigest").GetString());
        Assert.True(exchanges["verify"].Body.GetProperty("valid").GetBoolean());
        Assert.Empty(exchanges["report"].Body.GetProperty("findings").EnumerateArray());
        Assert.Equal("2026-12-09", exchanges["report"].Body.GetProperty("publicationDueOn").GetString());
        Assert.StartsWith("whsec_", exchanges["webhook"].Body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Matches("^桓市监法审〔2026〕[1-9][0-9]*号$", exchanges["opinionDocument"].Body.GetProperty("number").GetString());
        Assert.False(exchanges["changed"].Body.GetProperty("issuable").GetBoolean());
        Assert.Contains("罚款金额", exchanges["changed"].Body.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("FS5023", exchanges["unreviewed"].Body.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Contains(exchanges["history"].Body.EnumerateArray(), e => e.GetProperty("type").GetString() == "permit.issued");
    }

    [Fact]
    public async Task SecondServer_OnTheSameDataFolder_IsRefusedWithAClearMessage()
    {
        var (exit, _, error) = await Task.Run(() => Fashen.Run("serve", "--data", _data, "--urls", "http://127.0.0.1:0"));

        Assert.Equal(1, exit);
        Assert.Contains("正被另一个 Fashen 进程使用", error, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static string Password(string output, string username) =>
        output.Split('\n').First(l => l.StartsWith($"  {username} ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    [GeneratedRegex("fsk_[A-Za-z0-9_-]+")]
    private static partial Regex Credential();
}
