using Fashen.Catalogue.Loading;
using Fashen.Engine.Changes;
using Fashen.Engine.Decisions;
using Fashen.Engine.Testing;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen fmt</c>: one canonical form for every condition, and never a change of meaning.</summary>
public sealed class FmtCommandTests : IDisposable
{
    private readonly SampleCopy _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public void FmtCheck_SampleCatalogues_AreCanonical()
    {
        var (exit, output, _) = Fashen.Run("fmt", "--check", "samples/catalogues");

        Assert.Equal(0, exit);
        Assert.Equal("检查了 9 个文件：条件均已是规范写法。\n", output);
    }

    [Fact]
    public void Fmt_RewrittenConditions_ClassifyEveryDecisionAlike_AndFormatBackToTheSamples()
    {
        // The samples with every condition written another way the language allows.
        var files = Directory.GetFiles(_samples.Catalogues, "*.yaml", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            File.WriteAllText(file, RewriteConditions(File.ReadAllText(file)));
        }

        var original = CatalogueWorkspace.Load([Repository.Samples("catalogues")]);
        var rewritten = CatalogueWorkspace.Load([_samples.Catalogues]);
        Assert.False(rewritten.HasErrors, string.Join("\n", rewritten.Diagnostics.Select(d => $"{d.Span}: {d.Code} {d.Message}")));
        Assert.NotEqual(original.Catalogues.Select(c => c.Revision), rewritten.Catalogues.Select(c => c.Revision));

        var (check, checkOutput, _) = Fashen.Run("fmt", "--check", _samples.Catalogues);
        var (exit, _, error) = Fashen.Run("fmt", _samples.Catalogues);
        var formatted = CatalogueWorkspace.Load([_samples.Catalogues]);

        Assert.Equal(1, check);
        Assert.Contains("需要格式化：", checkOutput, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Repository.Samples("catalogues", Path.GetRelativePath(_samples.Catalogues, file))), File.ReadAllText(file));
        }

        // Same answers for every past decision and every test decision, before and after formatting.
        var decisions = DecisionLines.Read("past.jsonl", File.ReadAllText(Repository.Samples("decisions", "past-decisions.jsonl"))).Decisions;
        foreach (var workspace in new[] { rewritten, formatted })
        {
            Assert.Empty(ImpactAnalysis.Run(original.ToCatalogueSet(), workspace.ToCatalogueSet(), decisions).Changed);
            foreach (var classifier in workspace.ToCatalogueSet().All)
            {
                Assert.All(CatalogueTestRunner.Run(classifier), result => Assert.True(result.Passed, $"{result.Case.Name}: {string.Join("; ", result.Failures)}"));
            }
        }
    }

    [Fact]
    public void Fmt_LongCondition_IsFoldedUnderItsKey_AndCommentsStay()
    {
        var file = _samples.Catalogue("scjg.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(
            "    when: 裁量调整 == 减轻",
            "    when: 裁量调整 = 减轻 并且 (当事人类型 属于 【自然人、个体工商户】 或者 罚款金额 ≥ 1万) # 示例注释",
            StringComparison.Ordinal));

        var (exit, output, _) = Fashen.Run("fmt", file);

        Assert.Equal(0, exit);
        Assert.Contains("已格式化：", output, StringComparison.Ordinal);
        Assert.Contains("    when: 裁量调整 == 减轻 且 (当事人类型 in [自然人, 个体工商户] 或 罚款金额 >= 1万元) # 示例注释\n", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_ConditionWithSyntaxError_LeavesTheFileAsItWas()
    {
        var file = _samples.Catalogue("jtys.yaml");
        var broken = File.ReadAllText(file).Replace("强制措施 == 扣押 且", "强制措施 == 扣押 且 且", StringComparison.Ordinal);
        File.WriteAllText(file, broken);

        var (exit, output, error) = Fashen.Run("fmt", file);

        Assert.Equal(1, exit);
        Assert.Matches(@"jtys\.yaml:\d+:\d+: error FS1\d{3}", error);
        Assert.Contains("1 个文件有语法错误，未处理", output, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllText(file));
    }

    // Every when: line and the lines of a when: >- block, rewritten with the language's other spellings.
    private static string RewriteConditions(string text)
    {
        var lines = text.Split('\n');
        var blockIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var trimmed = lines[i].TrimStart();
            if (blockIndent >= 0 && (trimmed.Length == 0 || indent < blockIndent))
            {
                blockIndent = -1;
            }

            if (trimmed.StartsWith("when: >-", StringComparison.Ordinal))
            {
                blockIndent = indent + 1;
            }
            else if (trimmed.StartsWith("when:", StringComparison.Ordinal) || blockIndent >= 0)
            {
                lines[i] = lines[i]
                    .Replace(" 且 ", " 并且 ", StringComparison.Ordinal)
                    .Replace(" 或 ", " or ", StringComparison.Ordinal)
                    .Replace(" in [", " 属于 [", StringComparison.Ordinal)
                    .Replace(" >= ", " ≥ ", StringComparison.Ordinal)
                    .Replace(" == ", " = ", StringComparison.Ordinal)
                    .Replace("以上（含本数）", "以上", StringComparison.Ordinal)
                    .Replace("万元", "万", StringComparison.Ordinal)
                    .Replace(" any of [", " 包含任一 [", StringComparison.Ordinal)
                    .Replace(", ", "、", StringComparison.Ordinal);
            }
        }

        return string.Join('\n', lines);
    }
}
