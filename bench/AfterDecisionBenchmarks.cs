using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Fashen.Catalogue.Loading;
using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Figures;
using Fashen.Engine.Publication;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;
using Fashen.Grammar.Text;
using Fashen.Store;

namespace Fashen.Bench;

/// <summary>After the decision, over a year of 100,000 decisions (made up by <see cref="DecisionYear"/>, each with a party among
/// 20,000): every one classified, reported issued and published, as the record and the publication store hold them. Measured side
/// by side: reading the whole record (the anchor: what any walk of it costs at least), the yearly figures, the supervisor's
/// threshold-evasion and coverage signals, and the public register's store query — listing and searching by party — on the LiteDB
/// file and, when FASHEN_BENCH_POSTGRESQL names a server, on PostgreSQL.</summary>
/// <remarks>The filled store is kept between runs (a template file in the temporary folder, a schema named by the count).</remarks>
[MemoryDiagnoser]
public class AfterDecisionBenchmarks
{
    private const int Year = 2026;
    private string _folder = string.Empty;
    private IFashenStore _store = null!;
    private WorkingCalendar? _calendar;
    private CatalogueSet _catalogues = null!;
    private TimeZoneInfo _zone = null!;

    [Params(100_000)]
    public int Decisions { get; set; }

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "LiteDb";

    public static IEnumerable<string> Stores() => SubmissionBenchmarks.Stores();

    [GlobalSetup]
    public void Setup()
    {
        var workspace = CatalogueWorkspace.Load([Path.Combine(BenchmarkCorpus.FindRoot(AppContext.BaseDirectory), "samples", "catalogues")]);
        _catalogues = workspace.ToCatalogueSet();
        _calendar = workspace.Calendar;
        _zone = new ReviewOptions().TimeZone;
        if (Store == "PostgreSql")
        {
            _store = new Store.PostgreSql.PostgreSqlStore(Environment.GetEnvironmentVariable("FASHEN_BENCH_POSTGRESQL")!, $"bench_after_{Decisions}");
            if (_store.Head() is null)
            {
                Fill(_store, workspace);
            }

            return;
        }

        var template = Path.Combine(Path.GetTempPath(), $"fashen-bench-after-{Decisions}");
        if (!File.Exists(Path.Combine(template, LiteDbStore.FileName)))
        {
            using var filling = new LiteDbStore(template);
            Fill(filling, workspace);
        }

        _folder = Directory.CreateTempSubdirectory("fashen-bench-").FullName;
        File.Copy(Path.Combine(template, LiteDbStore.FileName), Path.Combine(_folder, LiteDbStore.FileName));
        _store = new LiteDbStore(_folder);
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

    [Benchmark(Baseline = true, Description = "read the whole record")]
    public int ReadRecord() => _store.ReadAll().Count();

    [Benchmark(Description = "yearly figures (统计年报)")]
    public int YearlyFigures() => YearlyFiguresCounter.Compute(_store.ReadAll(), Year, _calendar, _zone).Count;

    [Benchmark(Description = "evasion and coverage signals")]
    public int Signals()
    {
        var record = new SupervisedRecord(_zone);
        record.Read(_store.ReadAll());
        var today = new DateOnly(Year, 12, 31);
        var (bunching, splits) = ThresholdEvasion.Find(record.Decisions, _catalogues, today);
        return bunching.Count + splits.Count + ProductionCoverage.Report(record.Decisions, _catalogues, today).Count;
    }

    [Benchmark(Description = "register: newest 50 published (a page)")]
    public int RegisterPage() => _store.Publications.Publications(Register(null, 50)).Count;

    [Benchmark(Description = "register: newest 1,000 published (a feed page)")]
    public int RegisterFeed() => _store.Publications.Publications(Register(null, 1000)).Count;

    [Benchmark(Description = "register: search by party")]
    public int RegisterSearch() => _store.Publications.Publications(Register("当事人04217", 50)).Count;

    [Benchmark(Description = "queue: pending, soonest due")]
    public int Queue() => _store.Publications.Publications(new PublicationQuery(null, PublicationState.Pending, null)).Count;

    private static PublicationQuery Register(string? text, int limit) =>
        new(null, PublicationState.Published, text, limit) { Order = PublicationOrder.NewestPublished };

    // Sixty-four writers at once, as in QueueBenchmarks: each decision's report (its entry and its pending publication) in one
    // append, then its approval (entry and publication, version-checked) in another; classifications in groups of 64.
    private void Fill(IFashenStore store, CatalogueWorkspace workspace)
    {
        var lines = DecisionYear.Generate(workspace.Catalogues, Decisions, Year).ToList();
        Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, n =>
        {
            var json = JsonNode.Parse(lines[n])!.AsObject();
            json["party"] = $"桓台县当事人{n % 20_000:D5}有限公司";
            var department = (string)json["department"]!;
            var read = DecisionJsonReader.Read(new SourceText("bench", json.ToJsonString())).Value!;
            var proposedOn = DateOnly.Parse((string)json["proposedOn"]!, CultureInfo.InvariantCulture);
            if (_catalogues.InForce(department, proposedOn) is not { } classifier || DecisionBinder.Bind(read, classifier.Catalogue.Schema).Value is not { } decision)
            {
                return;
            }

            var (kind, rules) = classifier.Conclude(decision);
            var canonical = DecisionCanonicalForm.ToNode(decision);
            var at = new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddSeconds(n % 3600);
            var classified = new JsonObject
            {
                ["caseId"] = decision.CaseId, ["action"] = decision.Action.ToWire(), ["decision"] = canonical.DeepClone(), ["classification"] = kind.ToWire(),
                ["rules"] = new JsonArray(rules.Select(r => (JsonNode)JsonValue.Create(r.Id)).ToArray()),
            };
            var decidedOn = proposedOn.AddDays(3);
            var dueOn = decidedOn.AddDays(9);
            var id = $"G{n:D6}";
            var fields = new JsonObject
            {
                ["agency"] = "桓台县某局", ["party"] = (string)json["party"]!, ["category"] = decision.Action.ToChinese(), ["conclusion"] = "罚款", ["basis"] = "《中华人民共和国行政处罚法》",
            };
            var issued = new JsonObject
            {
                ["publicationId"] = id, ["caseId"] = decision.CaseId, ["action"] = decision.Action.ToWire(), ["decision"] = canonical, ["classification"] = kind.ToWire(),
                ["decidedOn"] = decidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["documentNumber"] = $"桓罚决〔{Year}〕{n}号", ["findings"] = new JsonArray(),
                ["publication"] = fields.DeepClone(), ["proposed"] = new JsonObject { ["dueOn"] = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            };
            var pending = new PublicationRecord(id, department, decision.CaseId, decision.Action.ToWire(), $"桓罚决〔{Year}〕{n}号", decidedOn, dueOn, PublicationState.Pending, 1,
                at.AddDays(3), null, new JsonObject { ["original"] = fields.DeepClone(), ["proposed"] = fields.DeepClone(), ["corrections"] = new JsonArray() });
            store.Append(new AppendBatch(at, [new PendingEntry("decision.classified", null, department, Actor.System, CanonicalJson.Serialize(classified))]));
            store.Append(new AppendBatch(at.AddDays(3), [new PendingEntry(ReviewService.IssuedEntry, null, department, Actor.System, CanonicalJson.Serialize(issued))], Publication: pending));
            var content = (JsonObject)pending.Content.DeepClone();
            content["published"] = fields.DeepClone();
            var publishedOn = decidedOn.AddDays(n % 12);
            store.Append(new AppendBatch(
                at.AddDays(3 + (n % 12)),
                [new PendingEntry("publication.approved", null, department, Actor.System, CanonicalJson.Serialize(new JsonObject { ["publicationId"] = id, ["published"] = fields.DeepClone() }))],
                Publication: pending with { State = PublicationState.Published, Version = 2, PublishedOn = publishedOn, Content = content }));
        });
    }
}
