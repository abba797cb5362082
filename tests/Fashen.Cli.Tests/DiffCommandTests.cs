using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen diff</c>: the change summary a legal office signs off, and the past decisions a change
/// would have classified differently, grouped by rule.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private const string PastDecisions = "samples/decisions/past-decisions.jsonl";
    private readonly SampleCopy _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public void Diff_FoodBandRaised_SaysWhatChangedAndListsEveryDecisionByRule()
    {
        _samples.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "8万元"));

        var (exit, output, error) = Fashen.Run("diff", "samples/catalogues", _samples.Catalogues, "--decisions", PastDecisions, "--all");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Baseline.Match(output.Replace(_samples.Catalogues, "<新版本>", StringComparison.Ordinal), Repository.Samples("changes/scjg-food-band-raised.diff.txt"));
    }

    [Fact]
    public void Diff_FoodBandRaised_FindsExactlyTheDecisionsBetweenTheOldAndNewBand()
    {
        _samples.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "8万元"));

        var (exit, output, _) = Fashen.Run("diff", "samples/catalogues", _samples.Catalogues, "--decisions", PastDecisions, "--format", "json");

        // Worked out from the decisions themselves: a food, drug or equipment fine on a unit from 5万元 up to, not including, 8万元.
        string[] foodDrugEquipment = ["食品安全", "药品监管", "特种设备"];
        string[] units = ["法人", "非法人组织"];
        var expected = File.ReadLines(Repository.Path(PastDecisions))
            .Select(line => JsonNode.Parse(line)!)
            .Where(d => (string?)d["department"] == "scjg" && (string?)d["action"] == "penalty" && (string?)d["procedure"] == "general"
                && foodDrugEquipment.Contains((string?)d["facts"]!["field"]) && units.Contains((string?)d["facts"]!["party_type"])
                && Amount(d["facts"]!["fine_amount"]) is >= 50_000 and < 80_000)
            .Select(d => (string)d["caseId"]!)
            .ToList();
        Assert.Equal(0, exit);
        Assert.NotEmpty(expected);
        using var report = JsonDocument.Parse(output);
        var impact = report.RootElement.GetProperty("impact");
        var rule = Assert.Single(impact.GetProperty("byRule").EnumerateArray());
        Assert.Equal("SC-P-04", rule.GetProperty("rule").GetString());
        Assert.Equal(expected.Count, rule.GetProperty("noLongerMatched").GetInt32());
        Assert.Equal(0, rule.GetProperty("newlyMatched").GetInt32());
        Assert.Equal(expected, rule.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("caseId").GetString()!));
        Assert.Equal(1000, impact.GetProperty("decisions").GetInt32());
    }

    [Fact]
    public void Diff_SameCatalogues_ChangesNothing()
    {
        var (exit, output, _) = Fashen.Run("diff", "samples/catalogues", _samples.Catalogues, "--decisions", PastDecisions);

        Assert.Equal(0, exit);
        Assert.Contains("两个版本的目录清单内容相同。", output, StringComparison.Ordinal);
        Assert.Contains("没有任何决定的判定结果或命中条目发生变化。", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_RulesAddedRemovedAndDeadlineChanged_AreEachSaidInPlainChinese()
    {
        _samples.Edit("scjg.yaml", text => text
            .Replace("SC-P-05", "SC-P-09", StringComparison.Ordinal)
            .Replace("deadline: 7 个工作日", "deadline: 5 个工作日", StringComparison.Ordinal));

        var (exit, output, _) = Fashen.Run("diff", "samples/catalogues", _samples.Catalogues, "--decisions", PastDecisions);

        Assert.Equal(0, exit);
        Assert.Contains("新增条目 SC-P-09 减轻处罚的行政处罚决定：裁量调整为减轻。", output, StringComparison.Ordinal);
        Assert.Contains("删除条目 SC-P-05 减轻处罚的行政处罚决定。", output, StringComparison.Ordinal);
        Assert.Contains("默认审核时限由“7 个工作日”改为“5 个工作日”。", output, StringComparison.Ordinal);
        Assert.Contains("scjg SC-P-05 减轻处罚的行政处罚决定：不再命中", output, StringComparison.Ordinal);
        Assert.Contains("scjg SC-P-09 减轻处罚的行政处罚决定：不再命中 0 项，新命中", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TwoGitRevisions_ReadsEachAsCommitted()
    {
        // A legal office's catalogue repository: the samples committed, then the band raised in a second commit.
        Processes.Git(_samples.Root, "init", "--quiet", "--initial-branch=main");
        Processes.Git(_samples.Root, "add", ".");
        Processes.Git(_samples.Root, "commit", "--quiet", "-m", "2026 catalogues");
        _samples.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "8万元"));
        Processes.Git(_samples.Root, "commit", "--quiet", "-am", "Raise the food band");
        _samples.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "3万元"));

        var decisions = Path.GetFullPath(Repository.Path(PastDecisions));
        var (exit, output, error) = Fashen.RunIn(_samples.Root, "diff", "HEAD~1:catalogues", "main:catalogues", "--decisions", decisions);

        Assert.True(exit == 0, error);
        Assert.Matches(@"^目录清单变更：HEAD~1:catalogues（提交 [0-9a-f]{7}） → main:catalogues（提交 [0-9a-f]{7}）", output);
        Assert.Contains("阈值“食药特单位罚款档”由 5万元 提高为 8万元，条目 SC-P-04 等的适用范围缩小（放宽）。", output, StringComparison.Ordinal);
        Assert.DoesNotContain("3万元", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_UnknownRevision_IsAUsageErrorInChinese()
    {
        var (exit, _, error) = Fashen.Run("diff", "no-such-branch:samples/catalogues", "samples/catalogues");

        Assert.Equal(2, exit);
        Assert.Contains("git 仓库中没有修订“no-such-branch”。", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_UnreadableDecisionLine_PointsAtItsLineAndReplaysTheRest()
    {
        var file = Path.Combine(_samples.Root, "past.jsonl");
        var lines = File.ReadLines(Repository.Path(PastDecisions)).Take(5).ToList();
        lines.Insert(2, """{"caseId": "X-1", "department": "scjg", """);
        File.WriteAllLines(file, lines);

        var (exit, output, error) = Fashen.Run("diff", "samples/catalogues", _samples.Catalogues, "--decisions", file);

        Assert.Equal(1, exit);
        Assert.Matches(@"past\.jsonl:3:\d+: error FS4\d{3}", error);
        Assert.Contains("1 行不是有效的决定，已跳过。", error, StringComparison.Ordinal);
        Assert.Contains("5 项决定", output, StringComparison.Ordinal);
    }

    private static decimal Amount(JsonNode? node) => decimal.Parse((string)node!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
