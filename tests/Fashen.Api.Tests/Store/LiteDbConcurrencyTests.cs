using System.Collections.Concurrent;
using System.Globalization;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Fashen.Store;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>Many requests read a file larger than LiteDB's page cache while the writer appends. LiteDB 5.0.21 can
/// recycle a cached page that another thread has just looked up (litedb-org/LiteDB#2817): the read then answers with
/// another document than the one asked for, or LiteDB closes its engine. Without the store's gate this test failed
/// in every run tried, each time with another user's account.</summary>
public sealed class LiteDbConcurrencyTests : IDisposable
{
    // Enough accounts, each with a long display name, that the file is thousands of pages: LiteDB starts recycling
    // cached pages once more than a thousand of them are idle, and the writer's new pages keep it doing so.
    private const int Accounts = 10_000;
    private const int ReadsPerReader = 40_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-concurrency-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ConcurrentReads_WhileAppending_EachAnswerWithTheDocumentAskedFor()
    {
        using var store = new LiteDbStore(_folder);
        var padding = new string('审', 1000);
        for (var i = 0; i < Accounts; i++)
        {
            store.SaveAccount(new Account("A" + i, Name(i), padding + i, "hash", [Role.Reviewer], ["scjg"], false, false, false));
        }

        var wrong = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.AppendAsync(new AppendBatch(
                    At,
                    [Entry("classified " + i)],
                    Classification: new ClassificationRecord("scjg", "C" + i, "major", ["R1"], "sha256:" + i)));
            }
        });

        // More readers than cores, so that threads are preempted between a cache lookup and its use.
        var readers = Enumerable.Range(0, 8).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            for (var read = 0; read < ReadsPerReader && wrong.Count < 10; read++)
            {
                var asked = random.Next(Accounts);
                try
                {
                    var found = store.FindAccount(Name(asked));
                    if (found?.Id != "A" + asked)
                    {
                        wrong.Enqueue($"asked for {Name(asked)}, got {found?.Username ?? "nothing"}");
                    }
                }
                catch (Exception e) when (e is LiteDB.LiteException or ObjectDisposedException or InvalidOperationException)
                {
                    wrong.Enqueue($"asked for {Name(asked)}: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();

        await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;

        Assert.True(wrong.IsEmpty, string.Join(Environment.NewLine, wrong));
        Assert.NotNull(store.Head());
    }

    private static string Name(int i) => "user" + i.ToString(CultureInfo.InvariantCulture);
}
