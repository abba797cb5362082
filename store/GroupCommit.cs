using System.Collections.Concurrent;
using Fashen.Engine.Reviews;

namespace Fashen.Store;

/// <summary>Group commit: one dedicated thread writes every append, taking all the appends waiting at that
/// moment into one transaction and one flush to disk. Concurrent requests share the cost of durability, and
/// no request thread ever waits on the database's write lock.</summary>
/// <remarks>
/// A dedicated thread, not the thread pool: request threads block until their append is durable, and a writer
/// that needed a pool thread could wait behind them (seen with PostgreSQL: sixty requests waiting on the chain
/// head's row lock while the holder waited for a thread). When a group fails, each of its appends is written
/// again alone, so that one bad append fails only its own request.
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    // Enough to share one flush among many requests; small enough that a group's transaction stays short.
    private const int MaxGroup = 256;

    private readonly BlockingCollection<Waiting> _queue = [];
    private readonly Func<IReadOnlyList<AppendBatch>, IReadOnlyList<AppendOutcome>> _write;
    private readonly Thread _thread;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="GroupCommit"/> class and starts its thread.</summary>
    /// <param name="name">The thread's name.</param>
    /// <param name="write">Writes a group in one transaction, durably, returning one outcome per append, in order;
    /// throws when nothing was written.</param>
    public GroupCommit(string name, Func<IReadOnlyList<AppendBatch>, IReadOnlyList<AppendOutcome>> write)
    {
        _write = write;
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Appends a batch and waits until it is durable (or refused).</summary>
    /// <param name="batch">What to write.</param>
    /// <returns>What the append did.</returns>
    public AppendOutcome Append(AppendBatch batch)
    {
        var waiting = new Waiting(batch);
        _queue.Add(waiting);
        return waiting.Result.Task.GetAwaiter().GetResult();
    }

    /// <summary>Writes what is queued, then stops the thread; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join();
    }

    private void Run()
    {
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            var group = new List<Waiting> { first };
            while (group.Count < MaxGroup && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            try
            {
                var outcomes = _write(group.ConvertAll(w => w.Batch));
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Result.SetResult(outcomes[i]);
                }
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var waiting in group)
                {
                    WriteAlone(waiting);
                }
            }
            catch (Exception exception)
            {
                first.Result.SetException(exception);
            }
        }
    }

    private void WriteAlone(Waiting waiting)
    {
        try
        {
            waiting.Result.SetResult(_write([waiting.Batch])[0]);
        }
        catch (Exception exception)
        {
            waiting.Result.SetException(exception);
        }
    }

    private sealed record Waiting(AppendBatch Batch)
    {
        public TaskCompletionSource<AppendOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
