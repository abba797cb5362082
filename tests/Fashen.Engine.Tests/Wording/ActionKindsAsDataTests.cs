using Fashen.Catalogue.Loading;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;

namespace Fashen.Engine.Tests.Wording;

/// <summary>The kinds of action are data a legal office keeps in its fact schema: a kind added there (行政给付) is written in
/// catalogues and decisions like the six of the sample set, and an unknown one is an error with the closest name.</summary>
public sealed class ActionKindsAsDataTests : IDisposable
{
    private readonly SampleCopy _copy = new();

    public ActionKindsAsDataTests()
    {
        var facts = Path.Combine(_copy.Root, "facts.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("  inspection: 行政检查\n", "  inspection: 行政检查\n  benefit: 行政给付\n", StringComparison.Ordinal));
    }

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void AddedKind_IsWrittenAndClassifiedLikeTheOthers()
    {
        var workspace = Load("[行政给付]");
        Assert.Empty(workspace.Diagnostics);
        var catalogue = workspace.ForDepartment("gf")!;
        Assert.Contains(catalogue.Schema.Actions, a => a.Name == "行政给付" && a.Wire == "benefit");

        var classifier = Classifier.Compile(catalogue);
        foreach (var action in new[] { "行政给付", "benefit" })
        {
            var decision = Bind(catalogue, $$"""{ "caseId": "给〔2026〕1号", "department": "gf", "action": "{{action}}", "procedure": "一般程序", "proposedOn": "2026-09-01", "facts": { "complexity": { "raised": true, "raisedBy": "王审", "reason": "涉及多个法律关系" } } }""");
            var result = classifier.Classify(decision);
            Assert.Equal(ClassificationKind.Major, result.Kind);
            Assert.Equal("GF-01", Assert.Single(result.MatchedRules).Id);
        }
    }

    [Fact]
    public void UnknownKind_IsAnErrorWithTheClosestName()
    {
        var diagnostic = Assert.Single(Load("[行政给附]").Diagnostics);
        Assert.Equal("FS2007", diagnostic.Code);
        Assert.Contains("是否想写“行政给付”", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("行政给付", diagnostic.Fix!.Replacement);
    }

    [Fact]
    public void DecisionOfAKindTheSchemaLacks_IsRefused()
    {
        var catalogue = Load("[行政给付]").ForDepartment("gf")!;
        var raw = DecisionJsonReader.Read(new Grammar.Text.SourceText("d.json", """{ "caseId": "x", "department": "gf", "action": "行政裁决", "procedure": "一般程序", "facts": {} }"""));
        var bound = DecisionBinder.Bind(raw.Value!, catalogue.Schema);
        Assert.False(bound.Succeeded);
        Assert.Contains("行政给付", bound.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private CatalogueWorkspace Load(string actions)
    {
        File.WriteAllText(_copy.Catalogue("gf.yaml"), $"""
            department: {"{"} id: gf, name: 给付测试局 {"}"}
            version: "2026.1"
            effective_from: 2026-01-01
            defaults: {"{"} deadline: 7 个工作日 {"}"}
            rules:
              - id: GF-01
                title: 案件情况疑难复杂的行政给付决定
                actions: {actions}
                when: 疑难复杂
                basis: [测试]
            """);
        return CatalogueWorkspace.Load([_copy.Catalogue("gf.yaml")], baseDirectory: _copy.Root);
    }

    private static BoundDecision Bind(Catalogues.Catalogue catalogue, string json)
    {
        var raw = DecisionJsonReader.Read(new Grammar.Text.SourceText("d.json", json));
        Assert.True(raw.Succeeded, string.Join("\n", raw.Diagnostics.Select(d => d.Message)));
        var bound = DecisionBinder.Bind(raw.Value!, catalogue.Schema);
        Assert.True(bound.Succeeded, string.Join("\n", bound.Diagnostics.Select(d => d.Message)));
        return bound.Value!;
    }
}
