using Fashen.Catalogue.Loading;
using Fashen.Engine.Publication;

namespace Fashen.Catalogue.Tests.Publication;

/// <summary>A department keeps its masking rules (公开前隐去的个人信息) in a file beside its catalogue; mistakes in it are coded
/// diagnostics where they are written, and a department without a file gets the defaults.</summary>
public sealed class MaskingRulesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fashen-masking-");

    public MaskingRulesTests()
    {
        foreach (var file in new[] { "facts.yaml", "statute.yaml", "holidays.yaml", "catalogues/scjg.yaml", "catalogues/jtys.yaml" })
        {
            File.Copy(Repository.Samples(file), Path.Combine(_folder.FullName, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void TheSampleRules_AreRead_AndADepartmentWithoutAFileGetsTheDefaults()
    {
        var workspace = CatalogueWorkspace.Load(["samples/catalogues"], baseDirectory: Repository.Root);

        Assert.Empty(workspace.Diagnostics);
        var scjg = workspace.MaskingFor("scjg");
        Assert.Equal(PersonNameStyle.Surname, scjg.PersonName);
        Assert.Equal(Enum.GetValues<MaskedKind>().Length, scjg.Kinds.Count);
        var defaults = workspace.MaskingFor("nync");
        Assert.Equal((PersonNameStyle.Surname, Enum.GetValues<MaskedKind>().Length, "nync"), (defaults.PersonName, defaults.Kinds.Count, defaults.Department));
    }

    [Fact]
    public void AFileOfItsOwnKinds_IsReadAsWritten()
    {
        var workspace = Load("""
            masking:
              department: jtys
              mask: [身份证号码, 联系方式]
              person_name: 不公开
              terms: [证人王五]
            """);

        Assert.Empty(workspace.Diagnostics);
        var rules = workspace.MaskingFor("jtys");
        Assert.Equal([MaskedKind.IdNumber, MaskedKind.Phone], rules.Kinds);
        Assert.Equal(PersonNameStyle.Hidden, rules.PersonName);
        Assert.Equal(["证人王五"], rules.Terms);
    }

    [Theory]
    [InlineData("mask: [身份证号, 住址]", "FS3042", "身份证号码")]
    [InlineData("person_name: 张某某", "FS3043", "姓加某某")]
    [InlineData("department: jtsy", "FS3044", "jtsy")]
    [InlineData("period_months: 三年", "FS3045", "36")]
    public void AMistake_IsACodedDiagnosticWhereItIsWritten(string line, string code, string hint)
    {
        var key = line.Split(':')[0];
        var lines = new List<string> { "masking:", "  department: jtys", "  mask: [身份证号码]" };
        lines.RemoveAll(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        lines.Add("  " + line);

        var workspace = Load(string.Join('\n', lines));

        var diagnostic = Assert.Single(workspace.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(lines.Count, diagnostic.Span.Line);
        Assert.Contains(hint, diagnostic.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private CatalogueWorkspace Load(string rules)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "jtys.masking.yaml"), rules);
        return CatalogueWorkspace.Load([_folder.FullName], baseDirectory: _folder.FullName);
    }
}
