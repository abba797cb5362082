using BenchmarkDotNet.Attributes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;

namespace Fashen.Bench;

/// <summary>Durable review submissions on LiteDB: each one a transaction with its record entry, index
/// document and chain head, on disk (checkpointed and fsynced) before it is acknowledged — one writer at a
/// time, and eight at once (concurrent case systems).</summary>
[MemoryDiagnoser]
public class SubmissionBenchmarks
{
    private string _folder = string.Empty;
    private LiteDbStore _store = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("fashen-bench-").FullName;
        _store = new LiteDbStore(_folder);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "one submission")]
    public AppendOutcome One() => _store.Append(Batch(Interlocked.Increment(ref _next)));

    [Benchmark(OperationsPerInvoke = 64, Description = "64 submissions, 8 writers")]
    public void Concurrent() => Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => _store.Append(Batch(Interlocked.Increment(ref _next))));

    private static AppendBatch Batch(int n)
    {
        var id = $"R{n:0000000}";
        var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddSeconds(n);
        var index = new ReviewIndexEntry(id, "scjg", $"桓市监罚〔2026〕{n:00000}号", "penalty", ReviewState.Accepted, true,
            new DateOnly(2026, 1, 15), 1, at, at, null, "sha256:0", "拟对单位处以5万元以上罚款的行政处罚决定", false, false);
        return new AppendBatch(at, [new PendingEntry("review.submitted", id, "scjg", Actor.System, "{}")], id, 0, index);
    }
}
