namespace Fashen.Cli.Tests;

/// <summary>The example CI of a catalogue repository (examples/catalogue-repo/ci/check.sh), run as a pipeline
/// runs it: in a git repository with the samples committed on main, against the real fashen.</summary>
public sealed class ExampleCiTests : IDisposable
{
    private readonly SampleCopy _repository = new();

    public ExampleCiTests()
    {
        var root = _repository.Root;
        Directory.CreateDirectory(Path.Combine(root, "decisions"));
        Directory.CreateDirectory(Path.Combine(root, "ci"));
        File.Copy(Repository.Samples("decisions", "past-decisions.jsonl"), Path.Combine(root, "decisions", "past-decisions.jsonl"));
        File.Copy(Repository.Path("examples", "catalogue-repo", "ci", "check.sh"), Path.Combine(root, "ci", "check.sh"));
        Run("git", "init", "--quiet", "--initial-branch=main");
        Run("git", "add", ".");
        Run("git", "commit", "--quiet", "-m", "Catalogues as published");
        Run("git", "checkout", "--quiet", "-b", "change");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Check_UnchangedCatalogues_PassesEveryStep()
    {
        var (exit, output) = Run("bash", "ci/check.sh");

        Assert.True(exit == 0, output);
        Assert.Contains("全部检查通过。", output, StringComparison.Ordinal);
        Assert.Contains("两个版本的目录清单内容相同。", File.ReadAllText(Path.Combine(_repository.Root, "impact.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RaisedBandWithoutItsTestCases_FailsAtTheTestStep()
    {
        _repository.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "8万元"));

        var (exit, output) = Run("bash", "ci/check.sh");

        Assert.NotEqual(0, exit);
        Assert.Contains("✗ catalogues/scjg.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("食品安全领域法人罚款恰为5万元，含本数，属重大", output, StringComparison.Ordinal);
        Assert.DoesNotContain("== 4/4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RaisedBand_ReportsTheDecisionsItAffects()
    {
        // The legal office raises the band and moves its boundary cases with it.
        _repository.Edit("scjg.yaml", text => SampleCopy.WithFoodBand(text, "8万元")
            .Replace("*org, 所属领域: 食品安全, 罚款金额: 50000 ", "*org, 所属领域: 食品安全, 罚款金额: 80000 ", StringComparison.Ordinal)
            .Replace("所属领域: 药品监管, 罚款金额: 49999.99", "所属领域: 药品监管, 罚款金额: 79999.99", StringComparison.Ordinal)
            .Replace("所属领域: 特种设备, 罚款金额: 50000.01", "所属领域: 特种设备, 罚款金额: 80000.01", StringComparison.Ordinal));
        Run("git", "commit", "--quiet", "-am", "Raise the food band");

        var (exit, output) = Run("bash", "ci/check.sh");

        Assert.True(exit == 0, output);
        var impact = File.ReadAllText(Path.Combine(_repository.Root, "impact.txt"));
        Assert.Contains("阈值“食药特单位罚款档”由 5万元 提高为 8万元", impact, StringComparison.Ordinal);
        Assert.Matches(@"scjg SC-P-04 .*：不再命中 \d+ 项，新命中 0 项", impact);
        Assert.Contains("\"noLongerMatched\":", File.ReadAllText(Path.Combine(_repository.Root, "impact.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnformattedCondition_FailsAtTheFormatStep()
    {
        _repository.Edit("scjg.yaml", text => text.Replace("    when: 裁量调整 == 减轻", "    when: 裁量调整 = 减轻", StringComparison.Ordinal));

        var (exit, output) = Run("bash", "ci/check.sh");

        Assert.NotEqual(0, exit);
        Assert.Contains("需要格式化：catalogues/scjg.yaml（1 处条件）", output, StringComparison.Ordinal);
        Assert.DoesNotContain("== 3/4", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return Processes.Run(_repository.Root, program, arguments, new Dictionary<string, string>
        {
            ["FASHEN"] = $"{dotnet} {Path.Combine(AppContext.BaseDirectory, "fashen.dll")}",
            ["BASE"] = "main",
        });
    }
}
