using System.Threading.Channels;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Recording;

/// <summary>Writes the record of classifications after their answers: a classification is answered at once, and its entry
/// (with the entry recording a change of the case's classification, and any alert) is written with others in one group
/// within a fraction of a second. Submissions, review actions and permits do not pass through here: they are durable
/// before they are answered.</summary>
/// <remarks>
/// Memory is bounded: the queue holds <see cref="Capacity"/> classifications, and a classification that finds it full waits
/// for room, so that a store slower than the requests slows the requests rather than the record falling behind without
/// bound. One writer drains the queue in order, so each case's change of classification is judged against the one
/// recorded just before it. A classification waits at most for the queue and one group ahead of it to be written:
/// (1,024 + 256) entries, about 0.1 s at LiteDB's measured rate and 0.5 s at PostgreSQL's (docs/performance.md), so
/// that if the process is killed, what was answered but not yet written is less than a second's worth. A queue four
/// times as long held PostgreSQL's entries for two seconds and its p99 at 0.8 s. A store that fails is tried again, the
/// entries kept, until it answers.
/// </remarks>
public sealed class ClassificationRecorder : IAsyncDisposable
{
    /// <summary>The classifications the queue holds before a new one waits for room.</summary>
    public const int Capacity = 1024;

    // The most taken from the queue for one group of appends.
    private const int MostPerGroup = 256;

    private readonly IReviewStore _store;
    private readonly Channel<PendingClassification> _queue;
    private readonly Task _writer;
    private readonly Lock _waiting = new();
    private volatile bool _stopping;
    private long _queued;
    private long _written;
    private List<(long Upto, TaskCompletionSource Done)> _flushes = [];

    /// <summary>Initializes a new instance of the <see cref="ClassificationRecorder"/> class and starts its writer.</summary>
    /// <param name="store">Where the record is kept.</param>
    public ClassificationRecorder(IReviewStore store)
    {
        _store = store;
        _queue = Channel.CreateBounded<PendingClassification>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Gets the last failure to write, for readiness and the log; null while the store answers.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Queues a classification's record; returns at once unless the queue is full.</summary>
    /// <param name="classification">What to record.</param>
    /// <param name="cancellation">Gives up waiting for room.</param>
    /// <returns>When queued.</returns>
    public async ValueTask RecordAsync(PendingClassification classification, CancellationToken cancellation = default)
    {
        await _queue.Writer.WriteAsync(classification, cancellation).ConfigureAwait(false);
        Interlocked.Increment(ref _queued);
    }

    /// <summary>Waits until every classification queued before the call is written: for those who read the record
    /// (verification, alerts, statistics) and should see what was answered.</summary>
    /// <returns>When written.</returns>
    public Task FlushAsync()
    {
        var upto = Interlocked.Read(ref _queued);
        lock (_waiting)
        {
            if (Interlocked.Read(ref _written) >= upto)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushes.Add((upto, done));
            return done.Task;
        }
    }

    /// <summary>Writes what is queued and stops the writer.</summary>
    /// <returns>When every queued classification is written.</returns>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        var group = new List<PendingClassification>(MostPerGroup);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MostPerGroup && reader.TryRead(out var next))
            {
                group.Add(next);
            }

            await WriteGroupAsync(group).ConfigureAwait(false);
            Written(group.Count);
        }
    }

    // One append per classification, all handed to the store at once: its group commit writes them in one transaction.
    // An append is all or nothing, and one that failed is sent again until the store takes it.
    private async Task WriteGroupAsync(List<PendingClassification> group)
    {
        var waiting = Batches(group);
        for (var attempt = 1; waiting.Count > 0; attempt++)
        {
            var appends = waiting.Select(batch => (Batch: batch, Task: _store.AppendAsync(batch))).ToList();
            try
            {
                await Task.WhenAll(appends.Select(a => a.Task)).ConfigureAwait(false);
                LastFailure = null;
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LastFailure = exception;
                waiting = [.. appends.Where(a => !a.Task.IsCompletedSuccessfully).Select(a => a.Batch)];

                // Stopping, with a store that no longer answers: what is left cannot be written by this process.
                if (_stopping && attempt >= 3)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt))).ConfigureAwait(false);
            }
        }
    }

    // Each case's change of classification judged against the one before it, which may be earlier in the same group.
    private List<AppendBatch> Batches(List<PendingClassification> group)
    {
        var last = new Dictionary<(string, string), ClassificationRecord?>();
        var batches = new List<AppendBatch>(group.Count);
        foreach (var item in group)
        {
            var entries = new List<PendingEntry>(3) { item.Entry };
            if (item.Record is { } record)
            {
                var key = (record.Department, record.CaseId);
                if (!last.TryGetValue(key, out var before))
                {
                    before = _store.LastClassification(record.Department, record.CaseId);
                }

                if (Reclassification.Entry(before, record, null, item.Entry.Actor) is { } changed)
                {
                    entries.Add(changed);
                }

                last[key] = record;
            }

            entries.AddRange(item.Alerts);
            batches.Add(new AppendBatch(item.At, entries, Classification: item.Record));
        }

        return batches;
    }

    private void Written(int count)
    {
        var written = Interlocked.Add(ref _written, count);
        List<(long Upto, TaskCompletionSource Done)> due;
        lock (_waiting)
        {
            due = _flushes.Where(f => f.Upto <= written).ToList();
            _flushes = _flushes.Where(f => f.Upto > written).ToList();
        }

        foreach (var (_, done) in due)
        {
            done.TrySetResult();
        }
    }
}

/// <summary>A classification's record, waiting to be written.</summary>
/// <param name="At">When it was answered: the time of its entries.</param>
/// <param name="Entry">The classification's entry.</param>
/// <param name="Record">What to remember of the case's classification; null for a decision refused for its form.</param>
/// <param name="Alerts">Alerts the classification raised, written with it.</param>
public sealed record PendingClassification(DateTimeOffset At, PendingEntry Entry, ClassificationRecord? Record, IReadOnlyList<PendingEntry> Alerts);
