using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>The record ledger in Table Storage: a chunk's keys looked up a few queries at a time, upserts in batches.</summary>
public sealed class TableRecordLedger(StorageClients storage) : IRecordLedger
{
    private const int MaxBatch = 100;

    /// <summary>Table Storage takes at most 15 comparisons in one filter: the partition's and 14 keys'.</summary>
    private const int KeysPerQuery = 14;

    private const int ParallelQueries = 8;

    public async Task<IReadOnlyDictionary<string, LedgerEntry>> FindManyAsync(string job, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentKeys);
        var table = await storage.LedgerAsync().ConfigureAwait(false);
        var found = new ConcurrentDictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            contentKeys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = cancellationToken },
            async (keys, token) =>
            {
                var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {job}")} and ({string.Join(" or ", keys.Select(k => TableClient.CreateQueryFilter($"RowKey eq {k}")))})";
                await foreach (var entity in table.QueryAsync<LedgerEntity>(filter, cancellationToken: token).ConfigureAwait(false))
                {
                    found[entity.RowKey] = entity.ToEntry();
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
