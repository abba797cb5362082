using Fashen.Catalogue.Loading;

namespace Fashen.Catalogue.Tests.Opinions;

/// <summary>A department names how its review opinions are numbered (department.opinion_number); a template without its
/// year and number, or with other placeholders, is an error where it is written.</summary>
public sealed class OpinionNumberTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fashen-opinion-number-");

    public OpinionNumberTests()
    {
        File.Copy(Repository.Samples("facts.yaml"), Path.Combine(_folder.FullName, "facts.yaml"));
        File.Copy(Repository.Samples("statute.yaml"), Path.Combine(_folder.FullName, "statute.yaml"));
    }

    [Fact]
    public void TheTemplate_NumbersByYearAndPlace()
    {
        var workspace = Load("桓公法审〔{年}〕{号}号");

        Assert.Empty(workspace.Diagnostics);
        Assert.Equal("桓公法审〔2026〕12号", workspace.Catalogues.Single().OpinionNumber.Format(2026, 12));
    }

    [Fact]
    public void WithoutATemplate_TheDefaultNumbersUnderTheUnitsName()
    {
        var workspace = Load(null);

        Assert.Equal("法审〔2027〕1号", workspace.Catalogues.Single().OpinionNumber.Format(2027, 1));
    }

    [Theory]
    [InlineData("桓公法审〔2026〕{号}号")]
    [InlineData("桓公法审〔{年}〕号")]
    [InlineData("桓公法审〔{年}〕{号}{号}号")]
    [InlineData("桓公法审〔{年}〕{编号}{号}号")]
    [InlineData("桓公法审〔{年}〕{号}号，本文号模板写得实在是太长了以至于超过了四十个字符的上限")]
    public void ABadTemplate_IsAnErrorWhereItIsWritten(string template)
    {
        var workspace = Load(template);

        var diagnostic = Assert.Single(workspace.Diagnostics);
        Assert.Equal("FS3041", diagnostic.Code);
        Assert.Equal(2, diagnostic.Span.Line);
        Assert.Contains("opinion_number", diagnostic.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private CatalogueWorkspace Load(string? template)
    {
        var catalogue = $$"""
            department:
              { id: gaj, name: 桓台县公安局{{(template is null ? string.Empty : $", opinion_number: \"{template}\"")}} }
            version: "2026.1"
            effective_from: 2026-01-01
            defaults: { deadline: 7 }
            rules:
              - { id: GA-P-01, title: 拟处以五千元以上罚款, actions: [行政处罚], when: 罚款金额 5000元以上, basis: [《中华人民共和国行政处罚法》第五十八条] }
            """;
        File.WriteAllText(Path.Combine(_folder.FullName, "gaj.yaml"), catalogue);
        return CatalogueWorkspace.Load([Path.Combine(_folder.FullName, "gaj.yaml")], baseDirectory: _folder.FullName);
    }
}
