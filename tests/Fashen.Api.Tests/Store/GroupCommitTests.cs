using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;

namespace Fashen.Api.Tests.Store;

/// <summary>Group commit with a separate flush (the LiteDB store's): an append is acknowledged only once a flush
/// that began after its commit has finished, and a failure reaches exactly the appends it concerns.</summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Append_IsAcknowledgedOnlyAfterAFlushThatBeganAfterItsCommit()
    {
        var disk = new GatedDisk();
        using var commit = new GroupCommit("test-writer", disk.Write, disk.Flush);
        using var _ = disk;

        var first = commit.AppendAsync(Batch("a"));
        Assert.True(disk.FlushStarted.Wait(Patience));

        // The writer goes on while the first flush holds the disk: the second append is committed, not acknowledged.
        var second = commit.AppendAsync(Batch("b"));
        Assert.True(disk.Committed("b").Wait(Patience));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        disk.FinishFlush();
        Assert.Equal(AppendStatus.Appended, (await first.WaitAsync(Patience)).Status);

        // The first flush began before "b" was committed, so "b" waits for a second one.
        Assert.True(disk.FlushStarted.Wait(Patience));
        Assert.False(second.IsCompleted);
        disk.FinishFlush();
        Assert.Equal(AppendStatus.Appended, (await second.WaitAsync(Patience)).Status);
    }

    [Fact]
    public async Task FailedFlush_FailsTheAppendsItWasToKeep_AndLaterOnesStillSucceed()
    {
        var disk = new GatedDisk { FailNextFlush = true };
        using var commit = new GroupCommit("test-writer", disk.Write, disk.Flush);
        using var _ = disk;

        var failed = commit.AppendAsync(Batch("a"));
        Assert.True(disk.FlushStarted.Wait(Patience));
        disk.FinishFlush();
        var error = await Assert.ThrowsAsync<IOException>(() => failed.WaitAsync(Patience));
        Assert.Equal("disk full", error.Message);

        var later = commit.AppendAsync(Batch("b"));
        Assert.True(disk.FlushStarted.Wait(Patience));
        disk.FinishFlush();
        Assert.Equal(AppendStatus.Appended, (await later.WaitAsync(Patience)).Status);
    }

    [Fact]
    public async Task BadAppendInAGroup_FailsOnlyItself()
    {
        var disk = new GatedDisk { Refuse = "bad", Hold = "first" };
        using var commit = new GroupCommit("test-writer", disk.Write, disk.Flush);
        using var _ = disk;

        // While the writer is held on the first append, the next three queue up and are taken as one group.
        var first = commit.AppendAsync(Batch("first"));
        Assert.True(disk.WriteHeld.Wait(Patience));
        var grouped = new[] { commit.AppendAsync(Batch("good1")), commit.AppendAsync(Batch("bad")), commit.AppendAsync(Batch("good2")) };
        disk.FinishWrite();
        Assert.True(disk.FlushStarted.Wait(Patience));
        disk.FinishFlush();
        await first.WaitAsync(Patience);

        // The group failed as a whole, so each of its appends was written again alone; the bad one fails with both
        // its own exception and the group's.
        // From here flushes finish at once; one may already be waiting.
        disk.GateFlushes = false;
        disk.FinishFlush();
        Assert.Equal(AppendStatus.Appended, (await grouped[0].WaitAsync(Patience)).Status);
        var refused = await Assert.ThrowsAsync<AggregateException>(() => grouped[1].WaitAsync(Patience));
        Assert.Equal(["refused alone", "refused in a group"], refused.InnerExceptions.Select(e => e.Message));
        Assert.Equal(AppendStatus.Appended, (await grouped[2].WaitAsync(Patience)).Status);
        Assert.Equal(["first", "good1,bad,good2", "good1", "bad", "good2"], disk.Groups.Select(g => string.Join(",", g)));
    }

    private static AppendBatch Batch(string name) =>
        new(DateTimeOffset.UnixEpoch, [new PendingEntry(name, null, null, Actor.System, "{}")]);

    // A disk whose flushes wait until the test lets them finish; it remembers which appends were committed.
    private sealed class GatedDisk : IDisposable
    {
        private readonly SemaphoreSlim _finish = new(0);
        private readonly SemaphoreSlim _finishWrite = new(0);
        private readonly Dictionary<string, ManualResetEventSlim> _committed = [];
        private readonly Lock _lock = new();

        public SemaphoreSlim FlushStarted { get; } = new(0);

        public bool FailNextFlush { get; set; }

        // When false, flushes finish at once.
        public volatile bool GateFlushes = true;

        public string? Refuse { get; init; }

        public string? Hold { get; init; }

        public ManualResetEventSlim WriteHeld { get; } = new();

        // Every group the writer was given, by the names of its appends; only the writer thread adds.
        public List<string[]> Groups { get; } = [];

        public ManualResetEventSlim Committed(string name)
        {
            lock (_lock)
            {
                return _committed.TryGetValue(name, out var committed) ? committed : _committed[name] = new ManualResetEventSlim();
            }
        }

        public IReadOnlyList<AppendOutcome> Write(IReadOnlyList<AppendBatch> group)
        {
            var names = group.Select(b => b.Entries[0].Type).ToArray();
            Groups.Add(names);
            if (names.Contains(Hold))
            {
                WriteHeld.Set();
                _finishWrite.Wait();
            }

            if (names.Contains(Refuse))
            {
                throw new InvalidOperationException(group.Count == 1 ? "refused alone" : "refused in a group");
            }

            foreach (var batch in group)
            {
                Committed(batch.Entries[0].Type).Set();
            }

            return group.Select(_ => new AppendOutcome(AppendStatus.Appended, [], 0)).ToList();
        }

        public void Flush()
        {
            if (!GateFlushes)
            {
                return;
            }

            FlushStarted.Release();
            _finish.Wait();
            if (FailNextFlush)
            {
                FailNextFlush = false;
                throw new IOException("disk full");
            }
        }

        public void FinishFlush() => _finish.Release();

        public void FinishWrite() => _finishWrite.Release();

        public void Dispose()
        {
            // Lets the flush thread run down when the group commit is disposed.
            _finish.Release(100);
            _finishWrite.Release(100);
        }
    }
}
