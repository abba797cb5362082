using Fashen.Catalogue.Loading;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Tests.Classification;

/// <summary>No text from a catalogue or a decision ever becomes executable code.</summary>
public sealed class InjectionTests : IDisposable
{
    // Each of these would do harm if it were spliced into a RulesEngine (Dynamic LINQ) expression.
    private const string Quotes = "\"); System.IO.File.Delete(\"victim.txt\"); (\"";
    private const string Call = "System.IO.File.WriteAllText(\"pwned.txt\", \"x\")";
    private const string Lambda = "x => x.GetType().Assembly";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fashen-injection-");

    public InjectionTests()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "victim.txt"), "still here");
        File.WriteAllText(Path.Combine(_folder.FullName, "facts.yaml"), $$"""
            facts:
              matter:
                label: 事项
                type: enum
                values: ['{{Quotes}}', '{{Call}}', '{{Lambda}}', 普通事项]
              amount:
                label: 金额
                type: money
            """);
        // A baseline of no forms: the facts here are not the samples' facts the national baseline speaks of.
        File.WriteAllText(Path.Combine(_folder.FullName, "statute.yaml"), """
            statute: { name: 测试基准, version: "1" }
            forms: []
            """);
        File.WriteAllText(Path.Combine(_folder.FullName, "hostile.yaml"), $$"""
            department: { id: hostile, name: '{{Call}}' }
            version: '{{Quotes}}'
            effective_from: 2026-01-01
            defaults: { deadline: 7 }
            rules:
              - id: H-1
                title: '{{Lambda}}'
                actions: [行政处罚]
                when: 事项 in [“{{Quotes}}”, “{{Call}}”] 或 金额 >= 1
                basis: ['{{Call}}']
              - id: H-2
                title: 普通
                actions: [行政处罚]
                when: 事项 == '{{Lambda}}'
                basis: [依据]
            """);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private CatalogueWorkspace Load()
    {
        var workspace = CatalogueWorkspace.Load([_folder.FullName], baseDirectory: _folder.FullName);
        Assert.Empty(workspace.Diagnostics);
        return workspace;
    }

    private BoundDecision Decision(CatalogueWorkspace workspace, string matter, string caseId = "c")
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            caseId,
            department = "hostile",
            action = "行政处罚",
            procedure = "一般程序",
            facts = new Dictionary<string, object> { ["事项"] = matter, ["金额"] = 0 },
        });
        var raw = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!;
        return DecisionBinder.Bind(raw, workspace.Catalogues[0].Schema).Value!;
    }

    [Fact]
    public void Compile_HostileCatalogueText_NeverAppearsInTheExpressions()
    {
        var classifier = Classifier.Compile(Load().Catalogues[0]);

        foreach (var rule in classifier.Workflow.Rules)
        {
            Assert.Matches("^[A-Za-z0-9_.\\[\\]()&|!=<> ]+$", rule.Expression);
            Assert.DoesNotContain("System", rule.Expression, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Classify_HostileValues_AreComparedAsPlainStrings()
    {
        var workspace = Load();
        var classifier = Classifier.Compile(workspace.Catalogues[0]);

        Assert.Equal(["H-1"], classifier.Match(Decision(workspace, Quotes)).Select(r => r.Id));
        Assert.Equal(["H-1"], classifier.Match(Decision(workspace, Call)).Select(r => r.Id));
        Assert.Equal(["H-2"], classifier.Match(Decision(workspace, Lambda)).Select(r => r.Id));
        Assert.Empty(classifier.Match(Decision(workspace, "普通事项")));

        var result = classifier.Classify(Decision(workspace, Call, caseId: Quotes));
        Assert.Equal(Quotes, result.CaseId);
        Assert.Equal(Call, result.Catalogue.Name);
        Assert.Contains(Call, result.MatchedRules[0].Explanation, StringComparison.Ordinal);

        Assert.Equal("still here", File.ReadAllText(Path.Combine(_folder.FullName, "victim.txt")));
        Assert.False(File.Exists("pwned.txt"));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "pwned.txt")));
    }

    [Fact]
    public void Bind_HostileDecisionValueNotInSchema_IsAnUnknownValueNotCode()
    {
        var workspace = Load();
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            caseId = "c",
            department = "hostile",
            action = "行政处罚",
            procedure = "一般程序",
            facts = new Dictionary<string, object> { ["事项"] = "1 == 1 || true", ["金额"] = 0 },
        });
        var raw = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!;

        var bound = DecisionBinder.Bind(raw, workspace.Catalogues[0].Schema);

        Assert.Equal("FS4003", Assert.Single(bound.Diagnostics).Code);
    }
}
