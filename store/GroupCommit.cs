using System.Collections.Concurrent;
using Fashen.Engine.Reviews;

namespace Fashen.Store;

/// <summary>Group commit: one dedicated thread writes every append, taking all the appends waiting at that
/// moment into one transaction. Concurrent requests share the cost of durability, and no request thread ever
/// waits on the database's write lock.</summary>
/// <remarks>
/// Dedicated threads, not the thread pool: request threads may block until their append is durable, and a
/// writer that needed a pool thread could wait behind them (seen with PostgreSQL: sixty requests waiting on the
/// chain head's row lock while the holder waited for a thread). When a group fails, each of its appends is
/// written again alone, so that one bad append fails only its own request; unless the store was unavailable, when
/// every append of the group fails alike (StoreUnavailableException).
/// <para>For a store whose commit is not yet durable (LiteDB), a second thread flushes to disk while the writer
/// already commits the next group; a group is acknowledged only after a flush that began after its commit. One
/// flush covers every group committed before it, so under load the writer never waits for the disk.</para>
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    // Enough to share one flush among many requests; small enough that a group's transaction stays short.
    private const int MaxGroup = 256;

    private readonly BlockingCollection<Waiting> _queue = [];
    private readonly BlockingCollection<Committed> _committed = [];
    private readonly Func<IReadOnlyList<AppendBatch>, IReadOnlyList<AppendOutcome>> _write;
    private readonly Action? _flush;
    private readonly Thread _writer;
    private readonly Thread? _flusher;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="GroupCommit"/> class and starts its threads.</summary>
    /// <param name="name">The writer thread's name.</param>
    /// <param name="write">Writes a group in one transaction, returning one outcome per append, in order; throws
    /// when nothing was written. Durable on return unless <paramref name="flush"/> is given.</param>
    /// <param name="flush">Makes everything committed so far durable; null when a commit already is.</param>
    public GroupCommit(string name, Func<IReadOnlyList<AppendBatch>, IReadOnlyList<AppendOutcome>> write, Action? flush = null)
    {
        _write = write;
        _flush = flush;
        _writer = new Thread(Write) { Name = name, IsBackground = true };
        _writer.Start();
        if (flush is not null)
        {
            _flusher = new Thread(Flush) { Name = name + "-flush", IsBackground = true };
            _flusher.Start();
        }
    }

    /// <summary>Appends a batch and waits until it is durable (or refused).</summary>
    /// <param name="batch">What to write.</param>
    /// <returns>What the append did.</returns>
    public AppendOutcome Append(AppendBatch batch) => AppendAsync(batch).GetAwaiter().GetResult();

    /// <summary>Appends a batch; the task completes when it is durable (or refused). The caller's thread is not
    /// held meanwhile, so a request that only waits for its append costs no thread while the disk catches up.</summary>
    /// <param name="batch">What to write.</param>
    /// <returns>What the append did.</returns>
    public Task<AppendOutcome> AppendAsync(AppendBatch batch)
    {
        var waiting = new Waiting(batch);
        _queue.Add(waiting);
        return waiting.Result.Task;
    }

    /// <summary>Writes and flushes what is queued, then stops the threads; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _writer.Join();
        _committed.CompleteAdding();
        _flusher?.Join();
    }

    private void Write()
    {
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            var group = new List<Waiting> { first };
            while (group.Count < MaxGroup && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            var outcomes = new Outcome[group.Count];
            try
            {
                var written = _write(group.ConvertAll(w => w.Batch));
                for (var i = 0; i < group.Count; i++)
                {
                    outcomes[i] = new Outcome(written[i], null);
                }
            }
            catch (StoreUnavailableException unavailable)
            {
                // The store is gone, or its commit may have taken effect: written again alone, each append would fail the
                // same way or, worse, be written twice. Each request is answered retryable; its Idempotency-Key decides.
                Array.Fill(outcomes, new Outcome(null, unavailable));
            }
            catch (Exception groupError) when (group.Count > 1)
            {
                for (var i = 0; i < group.Count; i++)
                {
                    outcomes[i] = WriteAlone(group[i], groupError);
                }
            }
            catch (Exception exception)
            {
                outcomes[0] = new Outcome(null, exception);
            }

            if (_flusher is null)
            {
                Complete(group, outcomes);
            }
            else
            {
                _committed.Add(new Committed(group, outcomes));
            }
        }
    }

    private Outcome WriteAlone(Waiting waiting, Exception groupError)
    {
        try
        {
            return new Outcome(_write([waiting.Batch])[0], null);
        }
        catch (Exception exception)
        {
            // The append fails with the group's exception too: when the store has failed for good (LiteDB closes its
            // engine), the group's is the one that says what happened, and every retry only gets a later one.
            return new Outcome(null, ReferenceEquals(exception, groupError) ? exception : new AggregateException(exception, groupError));
        }
    }

    private void Flush()
    {
        foreach (var first in _committed.GetConsumingEnumerable())
        {
            var groups = new List<Committed> { first };
            while (_committed.TryTake(out var next))
            {
                groups.Add(next);
            }

            Exception? failed = null;
            try
            {
                _flush!();
            }
            catch (Exception exception)
            {
                failed = exception;
            }

            foreach (var (group, outcomes) in groups)
            {
                Complete(group, failed is null ? outcomes : Array.ConvertAll(outcomes, o => o with { Error = o.Error ?? failed }));
            }
        }
    }

    private static void Complete(List<Waiting> group, Outcome[] outcomes)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                group[i].Result.SetException(error);
            }
            else
            {
                group[i].Result.SetResult(outcomes[i].Written!);
            }
        }
    }

    private sealed record Waiting(AppendBatch Batch)
    {
        public TaskCompletionSource<AppendOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // What the writer did for one append: its outcome, or the exception that stopped it.
    private readonly record struct Outcome(AppendOutcome? Written, Exception? Error);

    private sealed record Committed(List<Waiting> Group, Outcome[] Outcomes);
}
