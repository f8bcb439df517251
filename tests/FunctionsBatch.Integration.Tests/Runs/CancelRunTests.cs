using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Runs;

/// <summary>Cancel stops dispatching chunks, lets the ones in flight finish, and leaves counts that add up.</summary>
public sealed class CancelRunTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(CancelRunTests),
        simulatorSettings: new Dictionary<string, string> { ["Simulator__LatencyMs"] = "100" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Cancel_RunningRun_EndsCanceledWithProcessedRowsOnlyAndCountsAddingUp()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: 1000);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "jobs", "classify-tickets.json")))!.AsObject();
        spec["chunkSize"] = 20;
        spec["maxParallelChunks"] = 2;
        spec["maxConcurrentRequestsPerChunk"] = 4;
        spec.Remove("schedule");
        spec.Remove("input");
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        });
        await RunsClient.WaitUntilAsync(_stack.Http, runId, s => s.GetProperty("progress").GetProperty("chunksCompleted").GetInt32() >= 2, TimeSpan.FromMinutes(2));

        using var cancel = await _stack.Http.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(2));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Canceled", status.GetProperty("outcome").GetString());
        var progress = status.GetProperty("progress");
        var succeeded = progress.GetProperty("succeeded").GetInt32();
        var failed = progress.GetProperty("failed").GetInt32();
        var skipped = progress.GetProperty("skipped").GetInt32();
        Assert.InRange(succeeded, 40, 999);
        Assert.Equal(1000, succeeded + failed + skipped);
        Assert.Equal(0, succeeded % 20);

        var rows = 0;
        await foreach (var _ in _stack.Tables.GetTableClient(StorageClients.ResultsTable)
                           .QueryAsync<RecordResultEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}")))
        {
            rows++;
        }

        Assert.Equal(succeeded + failed, rows);
        var cost = (await _stack.Tables.GetTableClient(StorageClients.CostsTable).GetEntityAsync<RunCostEntity>(runId, RunCostEntity.RunRowKey)).Value;
        Assert.Equal(("Canceled", succeeded, skipped), (cost.Outcome, cost.Succeeded, cost.Skipped));

        using var again = await _stack.Http.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
