using Fashen.Catalogue.Loading;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Statute;

/// <summary>Every catalogue stands on the national baseline (samples/statute.yaml): it may add stricter forms, and may put
/// another form in a national form's place only where that form allows a law to provide otherwise and the catalogue names
/// the law; lint shows each such departure and the answer cites the law.</summary>
public sealed class StandingFormsTests : IDisposable
{
    private const string Header = """
        department: { id: gaj, name: 桓台县公安局 }
        version: "2026.1"
        effective_from: 2026-01-01
        defaults: { deadline: 7 }
        rules:
          - { id: GA-P-01, title: 拟处以五千元以上罚款, actions: [行政处罚], when: 罚款金额 5000元以上, basis: [《中华人民共和国行政处罚法》第五十八条] }

        """;

    private const string Departure = """
        forms:
          - id: GA-F-01
            title: 治安管理处罚当场作出的，处警告或者五百元以下罚款
            replaces: XZCF-51-3
            law: 《中华人民共和国治安管理处罚法》第一百一十九条
            actions: [行政处罚]
            procedure: 简易程序
            when: 当事人类型 in [自然人, 个体工商户]
            require: 罚款金额 500元以下
            basis: [《中华人民共和国治安管理处罚法》第一百一十九条]
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fashen-statute-");

    public StandingFormsTests()
    {
        File.Copy(Repository.Samples("facts.yaml"), Path.Combine(_folder.FullName, "facts.yaml"));
        File.Copy(Repository.Samples("statute.yaml"), Path.Combine(_folder.FullName, "statute.yaml"));
    }

    [Fact]
    public void Departure_UnderALaw_ReplacesTheNationalForm_IsShownByLint_AndCitedByTheAnswer()
    {
        var workspace = Load(Header + Departure);

        var note = Assert.Single(workspace.Diagnostics);
        Assert.Equal(("FS3038", DiagnosticSeverity.Info), (note.Code, note.Severity));
        Assert.Contains("依《中华人民共和国治安管理处罚法》第一百一十九条（法律另有规定）替代全国法定基准 XZCF-51-3", note.Message, StringComparison.Ordinal);
        var classifier = Classifier.Compile(workspace.Catalogues.Single());
        var within = classifier.Classify(Decision(classifier, 400));
        var beyond = classifier.Classify(Decision(classifier, 600));

        Assert.Equal(ClassificationKind.Exempt, within.Kind);
        Assert.Contains("《中华人民共和国治安管理处罚法》第一百一十九条（法律另有规定）", within.Summary, StringComparison.Ordinal);
        Assert.Contains(within.Forms, f => f is { Id: "GA-F-01", Replaces: "XZCF-51-3", Law: "《中华人民共和国治安管理处罚法》第一百一十九条" });
        Assert.Equal(ClassificationKind.Unlawful, beyond.Kind);
        Assert.Equal("GA-F-01", Assert.Single(beyond.Violations).FormId);
        Assert.Equal("《中华人民共和国治安管理处罚法》第一百一十九条", beyond.Violations[0].Law);
    }

    [Fact]
    public void StricterForm_OfTheDepartment_AddsToTheNationalOnes()
    {
        var workspace = Load(Header + """
            forms:
              - id: GA-F-02
                title: 本局当场罚款不超过一百元
                actions: [行政处罚]
                procedure: 简易程序
                require: 罚款金额 100元以下
                basis: [桓公发〔2026〕1号]
            """);

        Assert.Empty(workspace.Diagnostics);
        var classifier = Classifier.Compile(workspace.Catalogues.Single());
        var result = classifier.Classify(Decision(classifier, 150));
        Assert.Equal(ClassificationKind.Unlawful, result.Kind);
        Assert.Equal("GA-F-02", Assert.Single(result.Violations).FormId);
    }

    [Theory]
    [InlineData("law: 《中华人民共和国治安管理处罚法》第一百一十九条", "law: 《中华人民共和国道路运输条例》第六十三条", "FS3037")]
    [InlineData("    law: 《中华人民共和国治安管理处罚法》第一百一十九条\n", "", "FS3037")]
    [InlineData("replaces: XZCF-51-3", "replaces: XZCF-51-5", "FS3036")]
    [InlineData("replaces: XZCF-51-3", "replaces: XZCF-51-9", "FS3035")]
    [InlineData("id: GA-F-01", "id: XZCF-51-2", "FS3039")]
    [InlineData("procedure: 简易程序", "procedure: 当场", "FS3040")]
    public void Departure_WithoutALawThatMayDepart_IsAnError(string written, string mistaken, string code)
    {
        var text = Header + Departure;
        Assert.Contains(written, text, StringComparison.Ordinal);

        var workspace = Load(text.Replace(written, mistaken, StringComparison.Ordinal));

        Assert.Contains(workspace.Diagnostics, d => d.Code == code && d.IsError);
        Assert.Empty(workspace.Catalogues);
    }

    [Fact]
    public void Catalogue_WithNoNationalBaseline_IsNotLoaded()
    {
        File.Delete(Path.Combine(_folder.FullName, "statute.yaml"));

        var workspace = Load(Header);

        Assert.Equal("FS3034", Assert.Single(workspace.Diagnostics).Code);
        Assert.Empty(workspace.Catalogues);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private CatalogueWorkspace Load(string catalogue)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "gaj.yaml"), catalogue);
        return CatalogueWorkspace.Load([Path.Combine(_folder.FullName, "gaj.yaml")], baseDirectory: _folder.FullName);
    }

    private static BoundDecision Decision(Classifier classifier, decimal fine)
    {
        var json = $$"""
            { "caseId": "桓公当罚〔2026〕1号", "department": "gaj", "action": "行政处罚", "procedure": "简易程序",
              "facts": { "当事人类型": "自然人", "罚款金额": {{fine}}, "处罚种类": ["罚款"] } }
            """;
        return DecisionBinder.Bind(DecisionJsonReader.Read(new SourceText("d.json", json)).Value!, classifier.Catalogue.Schema).Value!;
    }
}
