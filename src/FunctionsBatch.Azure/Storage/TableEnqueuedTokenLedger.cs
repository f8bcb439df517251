using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Reservations as rows of one partition per deployment, next to a version row. A reservation reads the version
/// row, sums the live reservations and, if the new one fits, adds it and bumps the version in one transaction
/// conditioned on the version's ETag: two hosts reserving at once cannot both pass the quota. A reservation older
/// than the 24 h completion window (plus a margin) no longer counts, so a run that died holding one cannot block
/// the deployment for ever.
/// </summary>
public sealed class TableEnqueuedTokenLedger(StorageClients storage, TimeProvider time) : IEnqueuedTokenLedger
{
    private const string VersionRowKey = "~version";
    private const int MaxConflicts = 50;
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(26);

    public async Task<bool> TryReserveAsync(string deployment, string key, long tokens, long quota, CancellationToken cancellationToken)
    {
        var table = await storage.EnqueuedAsync().ConfigureAwait(false);
        var partition = deployment.ToLowerInvariant();
        for (var conflict = 0; ; conflict++)
        {
            var version = await table.GetEntityIfExistsAsync<EnqueuedBatchEntity>(partition, VersionRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            long reserved = 0;
            await foreach (var row in table.QueryAsync<EnqueuedBatchEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ne {VersionRowKey} and RowKey ne {key}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                reserved += row.CreatedUtc >= now - MaxAge ? row.Tokens : 0;
            }

            if (reserved + tokens > quota)
            {
                return false;
            }

            var next = version.HasValue ? version.Value! : new EnqueuedBatchEntity { PartitionKey = partition, RowKey = VersionRowKey };
            next.Tokens++;
            var reservation = new EnqueuedBatchEntity { PartitionKey = partition, RowKey = key, Tokens = tokens, CreatedUtc = now };
            TableTransactionAction[] actions =
            [
                version.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, next.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, next),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, reservation),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && conflict < MaxConflicts)
            {
                // Another reservation changed the partition since it was read: read it again.
                await Task.Delay(TimeSpan.FromMilliseconds(20 + Random.Shared.Next(80)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task ReleaseAsync(string deployment, string key, CancellationToken cancellationToken)
    {
        var table = await storage.EnqueuedAsync().ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(deployment.ToLowerInvariant(), key, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Released already, by an earlier execution of the same activity.
        }
    }
}
