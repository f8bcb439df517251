using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Result rows, written as upsert-replace transactions of up to 100 rows of one run (one partition), so a
/// re-executed chunk overwrites its rows instead of adding new ones.
/// </summary>
public sealed class TableRunResultStore(StorageClients storage) : IRunResultStore
{
    private const int MaxBatch = 100;

    public async Task UpsertAsync(IReadOnlyList<RecordResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = await storage.ResultsAsync().ConfigureAwait(false);
        foreach (var run in results.GroupBy(r => r.RunId))
        {
            foreach (var batch in run.Chunk(MaxBatch))
            {
                var actions = batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, RecordResultEntity.From(r)));
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<RecordResult>> GetChunkAsync(string runId, int chunkIndex, CancellationToken cancellationToken)
    {
        var table = await storage.ResultsAsync().ConfigureAwait(false);
        var rows = new List<RecordResult>();
        await foreach (var entity in table.QueryAsync<RecordResultEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {runId} and ChunkIndex eq {chunkIndex}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.ToResult());
        }

        return rows;
    }

    public async Task<ResultPage> QueryAsync(string runId, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var table = await storage.ResultsAsync().ConfigureAwait(false);
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {runId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {runId} and Status eq {status}");
        await foreach (var page in table.QueryAsync<RecordResultEntity>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            return new ResultPage(page.Values.Select(e => e.ToResult()).ToArray(), page.ContinuationToken);
        }

        return new ResultPage([], null);
    }
}
