using Fashen.Engine.Reviews;
using Fashen.Store;
using LiteDB;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>A new data folder meets its first burst of requests: case systems read while the first classification
/// is written. LiteDB 5.0.21 fails its whole engine for good when a collection is read while another transaction
/// creates it (litedb-org/LiteDB#2792), so the store creates every collection when it opens.</summary>
public sealed class LiteDbFirstUseTests : IDisposable
{
    private static readonly string[] Collections =
        ["entries", "reviews", "idempotency", "permits", "classifications", "meta", "accounts", "clients", "alerts"];

    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-first-use-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Opening_ANewFolder_CreatesEveryCollection()
    {
        string path;
        using (var store = new LiteDbStore(_folder))
        {
            path = store.Path;
        }

        using var file = new LiteDatabase($"Filename={path};Connection=direct;ReadOnly=true");
        Assert.All(Collections, name => Assert.True(file.CollectionExists(name), $"collection {name} missing"));
    }

    [Fact]
    public async Task FirstWrites_WhileCaseSystemsRead_AllSucceed()
    {
        // The race is one of timing: a fresh folder per round, readers already spinning when the first write starts.
        for (var round = 0; round < 10; round++)
        {
            var folder = Path.Combine(_folder, round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var store = new LiteDbStore(folder);
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    store.LastClassification("nync", "X");
                    store.FindIdempotency("submit", "c1", "k0");
                    store.FindPermit("P1");
                }
            })).ToList();

            var appends = Enumerable.Range(0, 16).Select(i => store.AppendAsync(new AppendBatch(
                At,
                [Entry("classified " + i)],
                Idempotency: new IdempotencyRecord("submit", "c1", "k" + i, "sha256:0", "R" + i),
                Classification: new ClassificationRecord("scjg", "A" + i, "major", ["R1"], "sha256:" + i)))).ToList();

            Assert.All(await Task.WhenAll(appends), outcome => Assert.Equal(AppendStatus.Appended, outcome.Status));
            stop.Cancel();
            await Task.WhenAll(readers);
            Assert.Equal("major", store.LastClassification("scjg", "A15")!.Classification);
        }
    }
}
