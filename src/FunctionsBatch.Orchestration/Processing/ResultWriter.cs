using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Writes result rows in batches while a chunk is still running, so a crash loses at most the finished records
/// not yet written (under one batch, plus batches being written); a re-executed chunk then skips the records that
/// already have rows. A full batch is handed to the store outside the lock, so the chunk's other workers keep
/// calling the model while it is written.
/// </summary>
internal sealed class ResultWriter(IRunResultStore store, int batchSize) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordResult> _pending = new(batchSize);

    public async Task AddAsync(RecordResult result, CancellationToken cancellationToken)
    {
        RecordResult[]? full = null;
        lock (_gate)
        {
            _pending.Add(result);
            if (_pending.Count >= batchSize)
            {
                full = TakePending();
            }
        }

        if (full is not null)
        {
            await store.UpsertAsync(full, cancellationToken).ConfigureAwait(false);
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
