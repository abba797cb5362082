using Fashen.Catalogue.Loading;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Tests;

/// <summary>The sample catalogues, loaded once for all engine tests.</summary>
internal static class Samples
{
    private static readonly Lazy<CatalogueWorkspace> Loaded = new(() =>
    {
        var workspace = CatalogueWorkspace.Load(["samples/catalogues"], baseDirectory: Repository.Root);
        Assert.Empty(workspace.Diagnostics);
        return workspace;
    });

    private static readonly Dictionary<string, Classifier> Classifiers = [];

    public static CatalogueWorkspace Workspace => Loaded.Value;

    public static CatalogueModel Catalogue(string id) => Workspace.ForDepartment(id)!;

    public static Classifier Classifier(string id)
    {
        lock (Classifiers)
        {
            if (!Classifiers.TryGetValue(id, out var classifier))
            {
                classifier = Engine.Classification.Classifier.Compile(Catalogue(id));
                Classifiers[id] = classifier;
            }

            return classifier;
        }
    }

    /// <summary>Reads and binds a decision written as JSON.</summary>
    public static BoundDecision Decision(string json)
    {
        var raw = DecisionJsonReader.Read(new SourceText("decision.json", json));
        Assert.True(raw.Succeeded, string.Join("\n", raw.Diagnostics.Select(d => d.Message)));
        var catalogue = Catalogue(raw.Value!.Department!.Text);
        var bound = DecisionBinder.Bind(raw.Value, catalogue.Schema);
        Assert.True(bound.Succeeded, string.Join("\n", bound.Diagnostics.Select(d => d.Message)));
        return bound.Value!;
    }
}
