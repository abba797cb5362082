using BenchmarkDotNet.Running;
using Fashen.Bench;
using Fashen.Catalogue.Loading;

// dotnet run -c Release --project bench -- --filter '*'
// dotnet run -c Release --project bench -- decisions FILE.jsonl COUNT YEAR   (writes a made-up year of decisions)
if (args is ["decisions", var file, var count, var year])
{
    var root = BenchmarkCorpus.FindRoot(AppContext.BaseDirectory);
    var workspace = CatalogueWorkspace.Load([Path.Combine(root, "samples", "catalogues")]);
    File.WriteAllLines(file, DecisionYear.Generate(workspace.Catalogues, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClassificationBenchmarks).Assembly).Run(args);
