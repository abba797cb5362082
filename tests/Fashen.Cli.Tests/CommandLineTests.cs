using System.Text.Json;

namespace Fashen.Cli.Tests;

public class CommandLineTests
{
    [Fact]
    public void Lint_SampleCatalogues_IsClean()
    {
        var (exit, output, error) = Fashen.Run("lint", "samples/catalogues", "samples/facts.yaml", "samples/holidays.yaml");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal("检查了 12 个文件、8 个目录清单：没有发现问题。\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Lint_CatalogueWithMistakes_ExitsOneAndReportsThemAll()
    {
        var (exit, output, error) = Fashen.Run("lint", "samples/invalid/InvalidMixed.yaml");

        Assert.Equal(1, exit);
        Assert.StartsWith("31 个错误\nsamples/invalid/InvalidMixed.yaml:3:1: error FS2002:", error.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains("samples/invalid/InvalidMixed.yaml:24:29: error FS3002: 未知的事实“罚款金颔”。是否想写“罚款金额”（fine_amount）？", error, StringComparison.Ordinal);
        Assert.EndsWith("31 个错误。\n", output.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_SampleCatalogues_AllPass()
    {
        var (exit, output, _) = Fashen.Run("test", "samples/catalogues");

        Assert.Equal(0, exit);
        Assert.Contains("scjg（桓台县市场监督管理局 2026.1）：44 个用例，全部通过", output, StringComparison.Ordinal);
        Assert.Matches("共 8 个目录清单、[0-9]+ 个用例：[0-9]+ 个通过，0 个失败。", output);
    }

    [Fact]
    public void Test_FailingCase_ExitsOneAndShowsExpectedAgainstActual()
    {
        var folder = Directory.CreateTempSubdirectory("fashen-cli-");
        try
        {
            File.Copy(Repository.Samples("facts.yaml"), Path.Combine(folder.FullName, "facts.yaml"));
            File.Copy(Repository.Samples("statute.yaml"), Path.Combine(folder.FullName, "statute.yaml"));
            var text = File.ReadAllText(Repository.Samples("catalogues", "zhzf.yaml"))
                .Replace("县局对个人罚款5000.01元，属重大\n    decision: { action: 行政处罚, facts: { <<: *county_person, 罚款金额: 5000.01 } }\n    expect: { classification: major",
                         "县局对个人罚款5000.01元，属重大\n    decision: { action: 行政处罚, facts: { <<: *county_person, 罚款金额: 5000.01 } }\n    expect: { classification: minor", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "zhzf.yaml"), text);

            var (exit, output, _) = Fashen.Run("test", folder.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("✗", output, StringComparison.Ordinal);
            Assert.Contains("县局对个人罚款5000.01元，属重大", output, StringComparison.Ordinal);
            Assert.Contains("结论：期望 minor（非重大执法决定），实际 major（重大执法决定）", output, StringComparison.Ordinal);
            Assert.Contains("实际命中 ZF-P-01：当事人类型 = 自然人（属于 自然人、个体工商户） 且 罚款金额 5,000.01 元 > 个人罚款档 5,000 元（不含本数）", output, StringComparison.Ordinal);
            Assert.Contains("1 个失败。", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static TheoryData<string> SampleDecisions() =>
        new(Directory.GetFiles(Repository.Samples("decisions"), "*.json")
            .Where(f => !f.EndsWith(".classification.json", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SampleDecisions))]
    public void Classify_SampleDecision_MatchesBaseline(string name)
    {
        var (exit, output, error) = Fashen.Run(
            "classify", "--catalogues", "samples/catalogues", "--submitted-on", "2026-09-30", $"samples/decisions/{name}.json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Baseline.Match(output, Repository.Samples("decisions", name + ".classification.txt"));
    }

    [Fact]
    public void Classify_JsonFormat_HasTheFieldsCaseSystemsRead()
    {
        var (exit, output, _) = Fashen.Run(
            "classify", "--catalogues", "samples/catalogues", "--submitted-on", "2026-09-30", "--format", "json", "samples/decisions/scjg-food-fine.json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("major", root.GetProperty("classification").GetString());
        Assert.Equal("scjg", root.GetProperty("catalogue").GetProperty("id").GetString());
        Assert.Equal("2026.1", root.GetProperty("catalogue").GetProperty("version").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("catalogue").GetProperty("revision").GetString(), StringComparison.Ordinal);
        Assert.Equal("SC-P-04", root.GetProperty("matchedRules")[0].GetProperty("id").GetString());
        Assert.Equal(0, root.GetProperty("missingFacts").GetArrayLength());
        Assert.Equal("执法主体", root.GetProperty("checklist")[0].GetProperty("title").GetString());
        Assert.Equal(4, root.GetProperty("materials").GetArrayLength());
        Assert.Equal("2026-10-15", root.GetProperty("deadline").GetProperty("dueDate").GetString());
        Baseline.Match(output, Repository.Samples("decisions", "scjg-food-fine.classification.json"));
    }

    [Fact]
    public void Classify_WithoutSubmittedOn_CountsFromToday()
    {
        var (exit, output, _) = Fashen.RunAt(
            new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8)),
            "classify", "--catalogues", "samples/catalogues", "--format", "json", "samples/decisions/scjg-food-fine.json");

        Assert.Equal(0, exit);
        var deadline = JsonDocument.Parse(output).RootElement.GetProperty("deadline");
        Assert.Equal("2026-09-30", deadline.GetProperty("materialsCompleteOn").GetString());
        Assert.Equal("2026-10-15", deadline.GetProperty("dueDate").GetString());
    }

    [Fact]
    public void Classify_DeadlineInYearNotLoaded_IsProvisionalWithFS4005Warning()
    {
        var (exit, output, error) = Fashen.Run(
            "classify", "--catalogues", "samples/catalogues", "--submitted-on", "2026-12-28", "samples/decisions/scjg-food-fine.json");

        Assert.Equal(0, exit);
        Assert.Contains("结论：重大执法决定（major）", output, StringComparison.Ordinal);
        Assert.Contains("截止 2027-01-07（暂定）", output, StringComparison.Ordinal);
        Assert.Contains("--submitted-on: warning FS4005: 2027 年的法定节假日安排尚未载入", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UnknownDepartment_PointsIntoTheDecisionFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fashen-decision-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\n  \"caseId\": \"x\",\n  \"department\": \"gaj\",\n  \"action\": \"行政处罚\",\n  \"procedure\": \"一般程序\",\n  \"facts\": {}\n}\n");
        try
        {
            var (exit, _, error) = Fashen.Run("classify", "--catalogues", "samples/catalogues", "--submitted-on", "2026-09-30", file);

            Assert.Equal(1, exit);
            Assert.Contains(":3:17: error FS4006: 没有部门“gaj”的目录清单。已载入的部门：jtys（桓台县交通运输局）", error, StringComparison.Ordinal);
            Assert.Contains("      \"department\": \"gaj\",", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Classify_DecisionWithBadFacts_ReportsEveryProblem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fashen-decision-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "caseId": "x", "department": "scjg", "action": "行政处罚", "procedure": "一般程序",
              "facts": { "罚款金颔": 1, "当事人类型": "公司", "疑难复杂": true } }
            """);
        try
        {
            var (exit, _, error) = Fashen.Run("classify", "--catalogues", "samples/catalogues", "--submitted-on", "2026-09-30", file);

            Assert.Equal(1, exit);
            Assert.StartsWith("3 个错误", error, StringComparison.Ordinal);
            Assert.Contains("FS4001", error, StringComparison.Ordinal);
            Assert.Contains("是否想写“罚款金额（fine_amount）”？", error, StringComparison.Ordinal);
            Assert.Contains("FS4003", error, StringComparison.Ordinal);
            Assert.Contains("FS4004", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("classify --catalogues samples/catalogues --submitted-on 2026-02-30 samples/decisions/nync-minor.json")]
    [InlineData("classify samples/decisions/nync-minor.json")]
    [InlineData("classify --catalogues samples/catalogues --format xml samples/decisions/nync-minor.json")]
    [InlineData("lint")]
    [InlineData("frobnicate")]
    public void UsageError_ExitsTwoWithChineseMessage(string commandLine)
    {
        var (exit, _, error) = Fashen.Run(commandLine.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains("命令行错误", error, StringComparison.Ordinal);
    }
}
