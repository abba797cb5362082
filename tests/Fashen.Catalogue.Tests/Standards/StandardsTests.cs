using Fashen.Catalogue.Loading;

namespace Fashen.Catalogue.Tests.Standards;

/// <summary>Thresholds and a deadline set above the department, in a standards file the catalogue names: used as written
/// there, stricter allowed, looser refused.</summary>
public sealed class StandardsTests : IDisposable
{
    private const string Standards = """
        standards:
          name: 某省较大数额标准
          version: "2026"
          issued_by: 某省人民政府
        thresholds:
          个人较大数额罚款: 5000元
          单位较大数额罚款: 5万元
        deadline: 5 个工作日
        """;

    private readonly SampleCopy _copy = new();

    public StandardsTests() => File.WriteAllText(Path.Combine(_copy.Root, "province.standards.yaml"), Standards);

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void Catalogue_UsesTheSharedThresholdsAndDeadline()
    {
        var workspace = Load("""
            standards: [某省较大数额标准]
            rules:
              - id: P-01
                title: 较大数额罚款
                actions: [行政处罚]
                when: 当事人类型 in [单位] 且 罚款金额 单位较大数额罚款 以上
                basis: [某条例]
            """);

        Assert.Empty(workspace.Diagnostics);
        var catalogue = workspace.ForDepartment("std")!;
        Assert.Equal(5, catalogue.Defaults.DeadlineWorkingDays);
        var comparison = Assert.IsType<Engine.Conditions.AmountComparison>(((Engine.Conditions.AllCondition)catalogue.Rules[0].Condition).Operands[1]);
        Assert.Equal(50_000m, comparison.Threshold);
        Assert.Equal("单位较大数额罚款", comparison.ThresholdName);
    }

    [Fact]
    public void Catalogue_MayBeStricter_ButNotLooser()
    {
        const string Rule = """
            rules:
              - id: P-01
                title: 较大数额罚款
                actions: [行政处罚]
                when: 罚款金额 个人较大数额罚款 以上
                basis: [某条例]
            """;
        Assert.Empty(Load("standards: [某省较大数额标准]\nthresholds: { 个人较大数额罚款: 3000元 }\n" + Rule).Diagnostics);

        var looser = Load("standards: [某省较大数额标准]\nthresholds: { 个人较大数额罚款: 8000元 }\n" + Rule);
        var diagnostic = Assert.Single(looser.Diagnostics);
        Assert.Equal("FS3049", diagnostic.Code);
        Assert.Contains("某省较大数额标准 2026", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_MayBeShorter_ButNotLonger()
    {
        const string Rule = """
            rules:
              - id: P-01
                title: 减轻处罚
                actions: [行政处罚]
                when: 裁量调整 == 减轻
                basis: [某条例]
            """;
        Assert.Equal(3, Load("standards: [某省较大数额标准]\ndefaults: { deadline: 3 个工作日 }\n" + Rule).ForDepartment("std")!.Defaults.DeadlineWorkingDays);
        Assert.Equal("FS3050", Assert.Single(Load("standards: [某省较大数额标准]\ndefaults: { deadline: 10 个工作日 }\n" + Rule).Diagnostics).Code);

        // Without standards, a catalogue must state its deadline.
        Assert.Contains(Load(Rule).Diagnostics, d => d.Code == "FS2004" || d.Message.Contains("defaults", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownStandards_IsAnErrorWithTheClosestName()
    {
        var workspace = Load("""
            standards: [某省较大数额标注]
            rules:
              - id: P-01
                title: 减轻处罚
                actions: [行政处罚]
                when: 裁量调整 == 减轻
                basis: [某条例]
            """);

        var diagnostic = Assert.Single(workspace.Diagnostics);
        Assert.Equal("FS3051", diagnostic.Code);
        Assert.Contains("是否想写“某省较大数额标准”", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("某省较大数额标准", diagnostic.Fix!.Replacement);
    }

    [Fact]
    public void SampleStandards_ReadWithoutProblems()
    {
        File.Copy(Repository.Samples("gongan.standards.yaml"), Path.Combine(_copy.Root, "gongan.standards.yaml"));
        var workspace = Load("""
            standards: [公安机关较大数额罚款标准]
            defaults: { deadline: 7 个工作日 }
            rules:
              - id: GA-P-01
                title: 对个人处以较大数额罚款
                actions: [行政处罚]
                when: 当事人类型 in [自然人] 且 罚款金额 个人较大数额罚款 以上
                basis: [公安机关办理行政案件程序规定]
            """);

        Assert.Empty(workspace.Diagnostics);
    }

    private CatalogueWorkspace Load(string body)
    {
        File.WriteAllText(_copy.Catalogue("std.yaml"), """
            department: { id: std, name: 标准测试局 }
            version: "2026.1"
            effective_from: 2026-01-01

            """ + body);
        var workspace = CatalogueWorkspace.Load([_copy.Catalogue("std.yaml")], baseDirectory: _copy.Root);
        return workspace;
    }
}
