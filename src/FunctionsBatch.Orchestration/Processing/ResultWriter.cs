using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Writes result rows in batches while a chunk is still running, so a crash loses at most one unwritten
/// batch of finished records; a re-executed chunk then skips the records that already have rows.
/// </summary>
internal sealed class ResultWriter(IRunResultStore store, int batchSize) : IAsyncDisposable
{
    private readonly List<RecordResult> _pending = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AddAsync(RecordResult result, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pending.Add(result);
            if (_pending.Count >= batchSize)
            {
                await WritePendingAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WritePendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await store.UpsertAsync(_pending.ToArray(), cancellationToken).ConfigureAwait(false);
        _pending.Clear();
    }
}
