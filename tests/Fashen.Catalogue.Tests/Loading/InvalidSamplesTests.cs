using Fashen.Catalogue.Loading;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Catalogue.Tests.Loading;

/// <summary>Every samples/invalid/Invalid*.yaml file, and every Invalid* folder (files that are wrong
/// together: versions, parents), yields exactly the diagnostics in its baseline.</summary>
public class InvalidSamplesTests
{
    public static TheoryData<string> InvalidSamples() =>
        new(Directory.GetFiles(Repository.Samples("invalid"), "Invalid*.yaml")
            .Concat(Directory.GetDirectories(Repository.Samples("invalid"), "Invalid*"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Lint_InvalidSample_MatchesBaseline(string file)
    {
        var workspace = CatalogueWorkspace.Load([Path.Combine("samples", "invalid", file)], baseDirectory: Repository.Root);

        Assert.True(workspace.HasErrors);
        var rendered = DiagnosticRenderer.Render(workspace.Diagnostics, workspace.Source);
        Baseline.Match(rendered, Repository.Samples("invalid", Path.GetFileNameWithoutExtension(file) + ".diagnostics.txt"));
    }

    [Fact]
    public void Lint_MixedMistakes_ReportsEveryOneAtOnceWithDistinctCodes()
    {
        var workspace = CatalogueWorkspace.Load(["samples/invalid/InvalidMixed.yaml"], baseDirectory: Repository.Root);

        // One file, many mistakes of every layer: all reported in one run, sorted by position.
        Assert.True(workspace.Diagnostics.Count >= 30);
        Assert.Equal(workspace.Diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList(), workspace.Diagnostics);
        var codes = workspace.Diagnostics.Select(d => d.Code).ToHashSet();
        foreach (var layer in new[] { "FS1", "FS2", "FS3", "FS4" })
        {
            Assert.Contains(codes, c => c.StartsWith(layer, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Lint_ConditionInMultiLineFoldedScalar_PointsAtFileColumn()
    {
        var workspace = CatalogueWorkspace.Load(["samples/invalid/InvalidMixed.yaml"], baseDirectory: Repository.Root);
        var source = workspace.Source("samples/invalid/InvalidMixed.yaml")!;

        var diagnostic = workspace.Diagnostics.Single(d => d.Code == "FS3005" && d.Message.Contains("单位罚没档", StringComparison.Ordinal));

        var line = source.GetLineText(diagnostic.Span.Line);
        Assert.Equal("单位罚没档", line.Substring(diagnostic.Span.Column - 1, 5));
    }

    [Fact]
    public void Lint_CrlfFile_ColumnsMatchLfFile()
    {
        var crlf = File.ReadAllText(Repository.Samples("invalid", "InvalidCrlf_CRLF.yaml"));
        Assert.Contains("\r\n", crlf, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("fashen-crlf-");
        try
        {
            File.Copy(Repository.Samples("facts.yaml"), Path.Combine(folder.FullName, "facts.yaml"));
            File.Copy(Repository.Samples("statute.yaml"), Path.Combine(folder.FullName, "statute.yaml"));
            File.WriteAllText(Path.Combine(folder.FullName, "crlf.yaml"), crlf);
            File.WriteAllText(Path.Combine(folder.FullName, "lf.yaml"), crlf.Replace("\r\n", "\n").Replace("invalid-crlf", "invalid-lf"));

            var workspace = CatalogueWorkspace.Load([folder.FullName], baseDirectory: folder.FullName);

            var positions = workspace.Diagnostics.GroupBy(d => d.Span.File)
                .ToDictionary(g => g.Key, g => g.Select(d => (d.Code, d.Span.Line, d.Span.Column)).ToList());
            Assert.Equal(2, positions["crlf.yaml"].Count);
            Assert.Equal(positions["lf.yaml"], positions["crlf.yaml"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
