using System.Net;
using System.Text.Json;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen publish</c>: the public catalogues (事前公开) for a government website, and the change
/// summary the legal office signs.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("fashen-publish-").FullName;
    private readonly SampleCopy _samples = new();

    public void Dispose()
    {
        Directory.Delete(_out, recursive: true);
        _samples.Dispose();
    }

    [Fact]
    public void Publish_Samples_WritesAPageAndJsonPerDepartment()
    {
        var (exit, output, error) = Fashen.Run("publish", "samples/catalogues", "--out", _out, "--on", "2026-03-02");

        Assert.True(exit == 0, error);
        Assert.Contains("6 个部门的目录清单（2026-03-02 施行的版本）", output, StringComparison.Ordinal);
        Assert.Equal(
            ["catalogues.json", "index.html", "jtys.html", "jtys.json", "nync.html", "nync.json", "scjg.html", "scjg.json", "sthj.html", "sthj.json", "yjgl.html", "yjgl.json", "zhzf.html", "zhzf.json"],
            Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in new[] { "index.html", "scjg.html", "scjg.json", "sthj.html" })
        {
            Baseline.Match(File.ReadAllText(Path.Combine(_out, file)), Repository.Samples("published", file));
        }
    }

    [Fact]
    public void Publish_EveryRule_IsOnItsDepartmentsPageInPlainChinese()
    {
        Fashen.Run("publish", "samples/catalogues", "--out", _out, "--on", "2026-03-02");

        using var all = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "catalogues.json")));
        foreach (var catalogue in all.RootElement.EnumerateArray())
        {
            var page = File.ReadAllText(Path.Combine(_out, catalogue.GetProperty("department").GetString() + ".html"));
            Assert.Contains(catalogue.GetProperty("revision").GetString()!, page, StringComparison.Ordinal);
            foreach (var rule in catalogue.GetProperty("rules").EnumerateArray())
            {
                Assert.Contains($"<td class=\"id\">{rule.GetProperty("id").GetString()}</td>", page, StringComparison.Ordinal);
                Assert.Contains(WebUtility.HtmlEncode(rule.GetProperty("criteria").GetString()!), page, StringComparison.Ordinal);
                Assert.Contains(WebUtility.HtmlEncode(rule.GetProperty("basis")[0].GetString()!), page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Publish_ChangesFrom_WritesTheSummaryToSign()
    {
        // The previous revision had the food band at 8万元 and no rule for reduced penalties.
        _samples.Edit("scjg.yaml", text =>
        {
            var start = text.IndexOf("  - id: SC-P-05", StringComparison.Ordinal);
            var end = text.IndexOf("  - id: SC-P-06", StringComparison.Ordinal);
            return SampleCopy.WithFoodBand(text.Remove(start, end - start), "8万元")
                .Replace("expect: { classification: major, rules: [SC-P-05] }", "expect: { classification: minor, rules: [] }", StringComparison.Ordinal);
        });

        var (exit, output, error) = Fashen.Run("publish", "samples/catalogues", "--out", _out, "--on", "2026-03-02", "--changes-from", _samples.Catalogues);

        Assert.True(exit == 0, error + output);
        Baseline.Match(File.ReadAllText(Path.Combine(_out, "changes.html")).Replace(_samples.Catalogues, "<上一版本>", StringComparison.Ordinal), Repository.Samples("published", "changes.html"));
    }
}
