using Fashen.Catalogue.Loading;
using Fashen.Engine.Facts;

namespace Fashen.Catalogue.Tests.Loading;

public class SampleCataloguesTests
{
    private static CatalogueWorkspace LoadSamples() =>
        CatalogueWorkspace.Load(["samples/catalogues", "samples/facts.yaml", "samples/holidays.yaml"], baseDirectory: Repository.Root);

    [Fact]
    public void Load_Samples_HaveNoDiagnostics()
    {
        var workspace = LoadSamples();
        Assert.Empty(workspace.Diagnostics);
        Assert.NotNull(workspace.Calendar);
    }

    [Fact]
    public void Load_Samples_CoverSixHuantaiDepartmentsWithTests()
    {
        var workspace = LoadSamples();
        var departments = workspace.Catalogues.Where(c => !c.Baseline).ToList();

        Assert.Equal(["jtys", "nync", "scjg", "sthj", "yjgl", "zhzf"], departments.Select(c => c.Id).Distinct());
        Assert.All(workspace.Catalogues, c => Assert.True(c.Tests.Count >= 10, $"{c.Id} has {c.Tests.Count} tests"));
        Assert.All(departments, c => Assert.Contains("桓台", c.Name, StringComparison.Ordinal));
        Assert.Contains(workspace.Catalogues, c => c.Rules.Any(r => r.ConditionText == "一律"));
    }

    [Fact]
    public void Load_Samples_HaveTwoVersionsOfOneDepartment_AndACountyBuiltOnACityBaseline()
    {
        var workspace = LoadSamples();

        var scjg = workspace.Catalogues.Where(c => c.Id == "scjg").ToList();
        Assert.Equal(["2025.1", "2026.1"], scjg.Select(c => c.Version));
        Assert.Equal(new DateOnly(2025, 12, 31), scjg[0].EffectiveTo);
        var county = workspace.ForDepartment("sthj")!;
        var city = workspace.ForDepartment("zb-sthj")!;
        Assert.True(city.Baseline);
        Assert.Equal("zb-sthj", county.Extends);

        // The county inherits the city's rules with its own, stricter, amounts.
        Assert.Equal(["ZB-P-01", "ZB-P-02", "ZB-G-01"], county.Rules.Take(3).Select(r => r.Id));
        Assert.Equal(100000m, city.Thresholds.Single(t => t.Name == "单位罚没档").Value);
        Assert.Equal(50000m, county.Thresholds.Single(t => t.Name == "单位罚没档").Value);
        var set = workspace.ToCatalogueSet();
        Assert.DoesNotContain("zb-sthj", set.Departments);
        Assert.Equal("2025.1", set.InForce("scjg", new DateOnly(2025, 12, 31))!.Catalogue.Version);
        Assert.Equal("2026.1", set.InForce("scjg", new DateOnly(2026, 1, 1))!.Catalogue.Version);
        Assert.Null(set.InForce("scjg", new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Load_Schema_CoversTheFourDimensionsOfTheDesign()
    {
        var schema = LoadSamples().Catalogues[0].Schema;

        Assert.True(schema.TryGetFact("罚款金额", out var amount));
        Assert.Equal(FactType.Money, amount.Type);
        Assert.True(schema.TryGetFact("所属领域", out var field));
        Assert.Equal(FactType.Enum, field.Type);
        Assert.True(schema.TryGetFact("执法层级", out var level));
        Assert.Equal(FactType.Ordinal, level.Type);
        Assert.Equal(["乡镇", "县", "市", "省"], level.Values.Select(v => v.Name));
        Assert.True(schema.TryGetFact("影响程度", out var impact));
        Assert.Equal(["一般", "较大", "重大", "特别重大"], impact.Values.Select(v => v.Name));

        foreach (var type in Enum.GetValues<FactType>())
        {
            Assert.Contains(schema.Facts, f => f.Type == type);
        }
    }

    [Fact]
    public void Load_SameFiles_GiveSameRevision()
    {
        var first = LoadSamples().Catalogues.Select(c => c.Revision).ToList();
        var second = LoadSamples().Catalogues.Select(c => c.Revision).ToList();

        Assert.Equal(first, second);
        Assert.All(first, r => Assert.Matches("^sha256:[0-9a-f]{64}$", r));
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Load_CatalogueChanged_ChangesRevision()
    {
        var folder = Directory.CreateTempSubdirectory("fashen-revision-");
        try
        {
            File.Copy(Repository.Samples("facts.yaml"), Path.Combine(folder.FullName, "facts.yaml"));
            File.Copy(Repository.Samples("statute.yaml"), Path.Combine(folder.FullName, "statute.yaml"));
            var path = Path.Combine(folder.FullName, "scjg.yaml");
            var text = File.ReadAllText(Repository.Samples("catalogues", "scjg.yaml"));
            File.WriteAllText(path, text);
            var before = CatalogueWorkspace.Load([path]).Catalogues.Single().Revision;
            File.WriteAllText(path, text.Replace("单位罚没档: 10万元", "单位罚没档: 20万元"));
            var after = CatalogueWorkspace.Load([path]).Catalogues.Single().Revision;

            Assert.NotEqual(before, after);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingPath_ReportsFS2017()
    {
        var workspace = CatalogueWorkspace.Load(["samples/nowhere"], baseDirectory: Repository.Root);
        Assert.Equal("FS2017", Assert.Single(workspace.Diagnostics).Code);
    }
}
