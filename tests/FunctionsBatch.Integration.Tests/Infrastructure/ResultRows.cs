using Azure.Data.Tables;
using FunctionsBatch.Azure.Storage;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>Reads a run's rows straight from the tables, not through the API under test.</summary>
public static class ResultRows
{
    public static async Task<List<RecordResultEntity>> ReadAsync(LocalStack stack, string runId)
    {
        var rows = new List<RecordResultEntity>();
        await foreach (var row in stack.Tables.GetTableClient(StorageClients.ResultsTable)
                           .QueryAsync<RecordResultEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}")).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<RunCostEntity> CostAsync(LocalStack stack, string runId) =>
        (await stack.Tables.GetTableClient(StorageClients.CostsTable).GetEntityAsync<RunCostEntity>(runId, RunCostEntity.RunRowKey).ConfigureAwait(false)).Value;
}
