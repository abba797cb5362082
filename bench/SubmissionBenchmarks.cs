using BenchmarkDotNet.Attributes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Fashen.Store.PostgreSql;

namespace Fashen.Bench;

/// <summary>Durable review submissions: each one its record entry, index document and chain head, on disk
/// before it is acknowledged — one writer at a time, then 8 and 64 at once (concurrent case systems), on the
/// LiteDB file and, when FASHEN_BENCH_POSTGRESQL names a server, on PostgreSQL.</summary>
[MemoryDiagnoser]
public class SubmissionBenchmarks
{
    private const int Submissions = 2048;
    private string _folder = string.Empty;
    private IFashenStore _store = null!;
    private string? _schema;
    private int _next;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "LiteDb";

    public static IEnumerable<string> Stores() =>
        Environment.GetEnvironmentVariable("FASHEN_BENCH_POSTGRESQL") is { Length: > 0 } ? ["LiteDb", "PostgreSql"] : ["LiteDb"];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("fashen-bench-").FullName;
        if (Store == "PostgreSql")
        {
            _schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
            _store = new PostgreSqlStore(Environment.GetEnvironmentVariable("FASHEN_BENCH_POSTGRESQL")!, _schema);
        }
        else
        {
            _store = new LiteDbStore(_folder);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (_schema is not null)
        {
            using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("FASHEN_BENCH_POSTGRESQL"));
            connection.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA \"{_schema}\" CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    [Benchmark(Baseline = true, Description = "one submission")]
    public AppendOutcome One() => _store.Append(Batch(Interlocked.Increment(ref _next)));

    [Benchmark(OperationsPerInvoke = Submissions, Description = "2048 submissions, 8 writers")]
    public void Eight() => Submit(writers: 8);

    [Benchmark(OperationsPerInvoke = Submissions, Description = "2048 submissions, 64 writers")]
    public void SixtyFour() => Submit(writers: 64);

    // Dedicated threads, as request threads blocked on their appends are: the thread pool would add them slowly.
    // Enough submissions per writer (32 of 64) that starting the threads and the first and last partly filled
    // groups do not weigh on the figure: with 256 (4 per writer) they did, and the figure read ~40 % low.
    private void Submit(int writers)
    {
        var threads = Enumerable.Range(0, writers).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < Submissions / writers; i++)
            {
                _store.Append(Batch(Interlocked.Increment(ref _next)));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static AppendBatch Batch(int n)
    {
        var id = $"R{n:0000000}";
        var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddSeconds(n);
        var index = new ReviewIndexEntry(id, "scjg", $"桓市监罚〔2026〕{n:00000}号", "penalty", ReviewState.Accepted, true,
            new DateOnly(2026, 1, 15), 1, at, at, null, "sha256:0", "拟对单位处以5万元以上罚款的行政处罚决定", false, false);
        return new AppendBatch(at, [new PendingEntry("review.submitted", id, "scjg", Actor.System, "{}")], id, 0, index);
    }
}
