using BenchmarkDotNet.Attributes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;

namespace Fashen.Bench;

/// <summary>The review queue over a store holding up to 100,000 reviews: the first page of the open queue, a
/// page deep in it, a filtered list and a case search — what a reviewer's page load costs — on the LiteDB file
/// and, when FASHEN_BENCH_POSTGRESQL names a server, on PostgreSQL.</summary>
/// <remarks>A filled store is kept between runs (a template file in the temporary folder, a schema named by
/// the count), since filling 100,000 durable reviews takes minutes.</remarks>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly ReviewState[] Open = [ReviewState.Accepted, ReviewState.UnderReview, ReviewState.Returned, ReviewState.Correcting];
    private string _folder = string.Empty;
    private IFashenStore _store = null!;

    [Params(10_000, 100_000)]
    public int Reviews { get; set; }

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "LiteDb";

    public static IEnumerable<string> Stores() => SubmissionBenchmarks.Stores();

    [GlobalSetup]
    public void Setup()
    {
        if (Store == "PostgreSql")
        {
            var connection = Environment.GetEnvironmentVariable("FASHEN_BENCH_POSTGRESQL")!;
            _store = new Store.PostgreSql.PostgreSqlStore(connection, $"bench_queue_{Reviews}");
            if (_store.Query(new ReviewQuery { PageSize = 1 }).Total != Reviews)
            {
                Fill(_store);
            }

            return;
        }

        var template = Path.Combine(Path.GetTempPath(), $"fashen-bench-queue-{Reviews}");
        if (!File.Exists(Path.Combine(template, LiteDbStore.FileName)))
        {
            using var filling = new LiteDbStore(template);
            Fill(filling);
        }

        _folder = Directory.CreateTempSubdirectory("fashen-bench-").FullName;
        File.Copy(Path.Combine(template, LiteDbStore.FileName), Path.Combine(_folder, LiteDbStore.FileName));
        _store = new LiteDbStore(_folder);
    }

    // Sixty-four writers at once, so that group commit fills the store in minutes rather than hours.
    private void Fill(IFashenStore store)
    {
        var departments = new[] { "scjg", "sthj", "yjgl", "zhzf", "jtys", "nync" };
        // As in a year of use: most reviews are decided, a tenth are still open.
        var states = new[] { ReviewState.Accepted, ReviewState.Approved, ReviewState.Approved, ReviewState.Approved, ReviewState.Approved,
            ReviewState.Approved, ReviewState.Approved, ReviewState.Rejected, ReviewState.Correcting, ReviewState.Referred };
        Parallel.For(0, Reviews, new ParallelOptions { MaxDegreeOfParallelism = 64 }, n =>
        {
            var random = new Random(n);
            var id = $"R{n:000000}";
            var state = states[random.Next(states.Length)];
            var due = Today.AddDays(random.Next(-20, 40));
            var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(n);
            var index = new ReviewIndexEntry(id, departments[n % departments.Length], $"桓罚〔2026〕{n:00000}号", "penalty", state, state != ReviewState.Returned,
                due, 1, at, at, null, "sha256:0", "拟对单位处以5万元以上罚款的行政处罚决定", false, false);
            store.Append(new AppendBatch(at, [new PendingEntry("bench.review", id, index.Department, Actor.System, "{}")], id, 0, index));
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        if (_folder.Length > 0)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "open queue, page 1")]
    public ReviewPage FirstPage() => _store.Query(Query() with { States = Open });

    [Benchmark(Description = "open queue, page 20")]
    public ReviewPage DeepPage() => _store.Query(Query() with { States = Open, Page = 20 });

    [Benchmark(Description = "one department, overdue")]
    public ReviewPage Overdue() => _store.Query(Query() with { Department = "scjg", Due = DueState.Overdue });

    // What a case system's plain GET /v1/reviews asks for: every review of its department, by due date.
    [Benchmark(Description = "a department's reviews, page 1")]
    public ReviewPage DepartmentReviews() => _store.Query(Query() with { VisibleDepartments = ["scjg"] });

    [Benchmark(Description = "search by case number")]
    public ReviewPage Search() => _store.Query(Query() with { CaseIdContains = "00042" });

    private static ReviewQuery Query() => new() { Today = Today, NextWorkingDay = Today.AddDays(1), PageSize = 50 };
}
