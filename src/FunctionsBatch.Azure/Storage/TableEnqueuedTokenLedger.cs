using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Enqueued tokens per deployment as rows added at batch creation and removed at collection. A row older than the
/// 24 h completion window (plus a margin) no longer counts: its batch has ended even if a crashed run never collected it.
/// </summary>
public sealed class TableEnqueuedTokenLedger(StorageClients storage, TimeProvider time) : IEnqueuedTokenLedger
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(26);

    public async Task<long> EnqueuedAsync(string deployment, CancellationToken cancellationToken)
    {
        var table = await storage.EnqueuedAsync().ConfigureAwait(false);
        var since = time.GetUtcNow().UtcDateTime - MaxAge;
        long total = 0;
        await foreach (var row in table.QueryAsync<EnqueuedBatchEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {deployment.ToLowerInvariant()} and CreatedUtc ge {since}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            total += row.Tokens;
        }

        return total;
    }

    public async Task AddAsync(string deployment, string batchId, long tokens, CancellationToken cancellationToken)
    {
        var table = await storage.EnqueuedAsync().ConfigureAwait(false);
        var row = new EnqueuedBatchEntity
        {
            PartitionKey = deployment.ToLowerInvariant(),
            RowKey = batchId,
            Tokens = tokens,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string deployment, string batchId, CancellationToken cancellationToken)
    {
        var table = await storage.EnqueuedAsync().ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(deployment.ToLowerInvariant(), batchId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already removed by an earlier execution of the same activity.
        }
    }
}
