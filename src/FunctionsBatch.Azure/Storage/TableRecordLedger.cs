using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>The record ledger in Table Storage: point reads by (job, content key), upserts in batches.</summary>
public sealed class TableRecordLedger(StorageClients storage) : IRecordLedger
{
    private const int MaxBatch = 100;

    public async Task<LedgerEntry?> FindAsync(string job, string contentKey, CancellationToken cancellationToken)
    {
        var table = await storage.LedgerAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<LedgerEntity>(job, contentKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.ToEntry() : null;
    }

    public async Task SaveAsync(string job, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = await storage.LedgerAsync().ConfigureAwait(false);
        // Two records of one chunk can share a key; a transaction may not touch a row twice.
        foreach (var batch in entries.DistinctBy(e => e.ContentKey).Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LedgerEntity.From(job, e))),
                cancellationToken).ConfigureAwait(false);
        }
    }
}
