using System.Diagnostics;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Writes result rows in batches while a chunk is still running: a batch goes out when it is full or when its
/// oldest row has waited <see cref="MaxPendingAge"/>, so a crash loses at most that much finished work per chunk
/// (a re-executed chunk skips the records that already have rows), however slow the model is. A batch is handed
/// to the store outside the lock, so the chunk's other workers keep calling the model while it is written.
/// </summary>
internal sealed class ResultWriter(IRunResultStore store, int batchSize) : IAsyncDisposable
{
    public static readonly TimeSpan MaxPendingAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<RecordResult> _pending = new(batchSize);
    private long _oldestPending;

    public async Task AddAsync(RecordResult result, CancellationToken cancellationToken)
    {
        RecordResult[]? batch = null;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                _oldestPending = Stopwatch.GetTimestamp();
            }

            _pending.Add(result);
            if (_pending.Count >= batchSize || Stopwatch.GetElapsedTime(_oldestPending) >= MaxPendingAge)
            {
                batch = TakePending();
            }
        }

        if (batch is not null)
        {
            await store.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is left; call once every <see cref="AddAsync"/> has completed.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        RecordResult[] rest;
        lock (_gate)
        {
            rest = TakePending();
        }

        if (rest.Length > 0)
        {
            await store.UpsertAsync(rest, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private RecordResult[] TakePending()
    {
        var batch = _pending.ToArray();
        _pending.Clear();
        return batch;
    }
}
