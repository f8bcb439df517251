using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

public sealed class TableRunCostStore(StorageClients storage) : IRunCostStore
{
    public async Task UpsertAsync(RunSummary run, CancellationToken cancellationToken)
    {
        var table = await storage.CostsAsync().ConfigureAwait(false);
        // One partition, one transaction: a reader never sees a run total without its parts.
        var actions = RunCostEntity.RowsOf(run).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunCostRow>> QueryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var table = await storage.CostsAsync().ConfigureAwait(false);
        var from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        var rows = new List<RunCostRow>();
        await foreach (var entity in table.QueryAsync<RunCostEntity>(
                           TableClient.CreateQueryFilter($"StartedUtc ge {from} and StartedUtc lt {to}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.ToRow());
        }

        return rows;
    }

    public async Task<RunCostRow?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await storage.CostsAsync().ConfigureAwait(false);
        try
        {
            var entity = await table.GetEntityAsync<RunCostEntity>(runId, RunCostEntity.RunRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return entity.Value.ToRow();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
