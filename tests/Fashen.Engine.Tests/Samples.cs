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

    private static readonly Dictionary<CatalogueModel, Classifier> Classifiers = new(ReferenceEqualityComparer.Instance);

    public static CatalogueWorkspace Workspace => Loaded.Value;

    /// <summary>The latest version of a department's catalogue.</summary>
    public static CatalogueModel Catalogue(string id) => Workspace.ForDepartment(id)!;

    public static Classifier Classifier(string id) => Classifier(Catalogue(id));

    /// <summary>One version of a catalogue, compiled once.</summary>
    public static Classifier Classifier(CatalogueModel catalogue)
    {
        lock (Classifiers)
        {
            if (!Classifiers.TryGetValue(catalogue, out var classifier))
            {
                classifier = Engine.Classification.Classifier.Compile(catalogue);
                Classifiers[catalogue] = classifier;
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
