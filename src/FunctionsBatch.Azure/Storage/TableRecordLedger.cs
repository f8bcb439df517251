using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>The record ledger in Table Storage: a chunk's keys looked up as point reads side by side, upserts in batches.</summary>
public sealed class TableRecordLedger(StorageClients storage) : IRecordLedger
{
    private const int MaxBatch = 100;

    /// <summary>
    /// Point reads, not one query: OR-ed row keys make Table Storage scan the partition, and a job's ledger partition
    /// only grows.
    /// </summary>
    private const int ParallelReads = 16;

    public async Task<IReadOnlyDictionary<string, LedgerEntry>> FindManyAsync(string job, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentKeys);
        var table = await storage.LedgerAsync().ConfigureAwait(false);
        var found = new ConcurrentDictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            contentKeys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                var entity = await table.GetEntityIfExistsAsync<LedgerEntity>(job, key, cancellationToken: token).ConfigureAwait(false);
                if (entity.HasValue)
                {
                    found[key] = entity.Value!.ToEntry();
                }
            }).ConfigureAwait(false);
        return found;
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
