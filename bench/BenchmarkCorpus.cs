using Fashen.Catalogue.Loading;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.Bench;

/// <summary>The decisions every way of classifying is measured on: the embedded test decisions of the
/// sample catalogues in force (the latest version of each department; baselines left out), ordinary
/// procedure, each with its department's compiled catalogue.</summary>
public sealed class BenchmarkCorpus
{
    private BenchmarkCorpus(IReadOnlyList<CatalogueModel> catalogues, IReadOnlyList<(Classifier Classifier, BoundDecision Decision)> cases)
    {
        Catalogues = catalogues;
        Cases = cases;
    }

    public IReadOnlyList<CatalogueModel> Catalogues { get; }

    public IReadOnlyList<(Classifier Classifier, BoundDecision Decision)> Cases { get; }

    public static BenchmarkCorpus Load(string repositoryRoot)
    {
        var workspace = CatalogueWorkspace.Load([Path.Combine(repositoryRoot, "samples", "catalogues")]);
        if (workspace.HasErrors)
        {
            throw new InvalidOperationException("The sample catalogues have errors; run fashen lint samples/catalogues.");
        }

        var latest = Latest(workspace.Catalogues);
        var classifiers = latest.ToDictionary(c => c.Id, Classifier.Compile);
        var cases = latest
            .SelectMany(c => c.Tests)
            .Where(t => t.Decision.Procedure == Engine.Catalogues.Procedure.General)
            .Select(t => (classifiers[t.Decision.Department], t.Decision))
            .ToList();
        return new BenchmarkCorpus(latest, cases);
    }

    /// <summary>The latest version of each department's catalogue, baselines left out.</summary>
    public static List<CatalogueModel> Latest(IEnumerable<CatalogueModel> catalogues) =>
        catalogues.Where(c => !c.Baseline).GroupBy(c => c.Id).Select(g => g.MaxBy(c => c.EffectiveFrom)!).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>Loads the sample catalogues as a change would leave them: a copy with one piece of text replaced
    /// everywhere (such as 5万元 → 8万元), for replaying past decisions before and after.</summary>
    /// <param name="repositoryRoot">The repository's root.</param>
    /// <param name="from">The text to replace.</param>
    /// <param name="to">What replaces it.</param>
    /// <returns>The changed catalogues, loaded (check their diagnostics).</returns>
    public static CatalogueWorkspace LoadChanged(string repositoryRoot, string from, string to)
    {
        var samples = Path.Combine(repositoryRoot, "samples");
        var copy = Directory.CreateTempSubdirectory("fashen-changed-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(samples, "*.yaml", SearchOption.AllDirectories).Where(f => !f.Contains("invalid", StringComparison.Ordinal)))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(samples, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, File.ReadAllText(file).Replace(from, to, StringComparison.Ordinal));
            }

            return CatalogueWorkspace.Load([Path.Combine(copy, "catalogues")]);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Finds the repository root above a folder (the one holding Fashen.slnx).</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fashen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the Fashen repository.");
    }
}
