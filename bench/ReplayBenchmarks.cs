using BenchmarkDotNet.Attributes;
using Fashen.Catalogue.Loading;
using Fashen.Engine.Changes;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;

namespace Fashen.Bench;

/// <summary>What <c>fashen diff</c> costs on a year of a county's decisions, step by step as the command takes
/// them: reading the JSON lines, preparing (binding each decision once to the facts file), and replaying every
/// decision against the catalogues before and after a change (every 5万元 of the samples raised to 8万元, in six of
/// the seven departments).</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private string _text = string.Empty;
    private IReadOnlyList<(int Line, Decision Decision)> _decisions = [];
    private IReadOnlyList<PastDecision> _prepared = [];
    private CatalogueSet _before = CatalogueSet.Empty;
    private CatalogueSet _after = CatalogueSet.Empty;

    [Params(50_000)]
    public int Decisions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkCorpus.FindRoot(AppContext.BaseDirectory);
        var samples = Path.Combine(root, "samples");
        var before = CatalogueWorkspace.Load([Path.Combine(samples, "catalogues")]);
        _before = before.ToCatalogueSet();

        // The changed revision: a copy of the samples with every 5万元 threshold raised.
        var after = BenchmarkCorpus.LoadChanged(root, "5万元", "8万元");
        if (before.HasErrors || after.HasErrors)
        {
            throw new InvalidOperationException("The sample catalogues have errors; run fashen lint samples/catalogues.");
        }

        _after = after.ToCatalogueSet();
        _text = string.Join('\n', DecisionYear.Generate(before.Catalogues, Decisions, 2026));
        _decisions = DecisionLines.Read("year.jsonl", _text).Decisions;
        _prepared = ImpactAnalysis.Prepare(_before, _after, _decisions);
    }

    [Benchmark(Description = "read a year of JSON lines")]
    public int Read() => DecisionLines.Read("year.jsonl", _text).Decisions.Count;

    [Benchmark(Description = "prepare (bind once)")]
    public int Prepare() => ImpactAnalysis.Prepare(_before, _after, _decisions).Count;

    [Benchmark(Description = "compare catalogues (once per run)")]
    public int Compare()
    {
        // What replay builds once per pair of versions it meets: the delegate that evaluates only the changed rules.
        var built = 0;
        foreach (var department in _before.Departments)
        {
            foreach (var old in _before.VersionsOf(department))
            {
                foreach (var now in _after.VersionsOf(department))
                {
                    built += ConclusionDelta.Between(old, now).Comparable ? 1 : 0;
                }
            }
        }

        return built;
    }

    [Benchmark(Description = "replay before and after")]
    public int Replay() => ImpactAnalysis.Replay(_before, _after, _prepared).Changed.Count;
}
