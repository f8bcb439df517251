using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Runs;

/// <summary>The quick start's run, end to end: 2,000 sample tickets through Azurite, the local host and the simulator.</summary>
public sealed class SampleRunTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(SampleRunTests));

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task SampleJob_TwoThousandTickets_CompletesWithOneRowPerRecordAndCostsMatchingSimulator()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl");
        Assert.Equal(2000, records.Count);
        await _stack.Simulator.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);

        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["job"] = "classify-tickets",
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        });
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(5));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        var progress = status.GetProperty("progress");
        Assert.Equal(2000, progress.GetProperty("totalRecords").GetInt32());
        Assert.Equal(2000, progress.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, progress.GetProperty("failed").GetInt32());

        var rows = await ReadResultsAsync(runId);
        Assert.Equal(2000, rows.Count);
        Assert.Equal(records.Select(r => r["id"]!.GetValue<string>()).Order(), rows.Select(r => r.RowKey).Order());
        Assert.All(rows, r => Assert.Equal(RecordStatus.Succeeded, r.Status));
        Assert.All(rows, r => Assert.Contains("\"category\"", r.Output, StringComparison.Ordinal));

        var sim = await _stack.SimulatorStatsAsync();
        var cost = (await _stack.Tables.GetTableClient(StorageClients.CostsTable).GetEntityAsync<RunCostEntity>(runId, RunCostEntity.RunRowKey)).Value;
        Assert.Equal(sim.GetProperty("promptTokens").GetInt64(), cost.InputTokens);
        Assert.Equal(sim.GetProperty("completionTokens").GetInt64(), cost.OutputTokens);
        Assert.Equal(2000, sim.GetProperty("succeeded").GetInt64());
        Assert.Equal(rows.Sum(r => r.PromptTokens), cost.InputTokens);
        Assert.Equal(rows.Sum(r => r.CompletionTokens), cost.OutputTokens);
        Assert.Equal((2000, 2000, 0), (cost.TotalRecords, cost.Succeeded, cost.Failed));
        Assert.Equal(("classify-tickets", "gpt-4o-mini", "contoso", "support-triage"), (cost.Job, cost.Model, cost.Tenant, cost.Feature));
        var expectedCost = CostCalculator.MicroDollars(
            new TokenUsage(cost.InputTokens, cost.CachedInputTokens, cost.OutputTokens), PriceTable.Default.For("gpt-4o-mini"));
        Assert.Equal(expectedCost, cost.CostMicros);
        Assert.True(cost.CostMicros > 0);
        Assert.Equal(cost.CostMicros, status.GetProperty("costMicros").GetInt64());

        var hostLog = await File.ReadAllTextAsync(Path.Combine(_stack.WorkDirectory, "host-0.log"));
        Assert.Contains(runId, hostLog, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalStack.FunctionKey, hostLog, StringComparison.Ordinal);
        Assert.DoesNotContain("sim-key", hostLog, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", hostLog, StringComparison.Ordinal);
        Assert.All(records.Take(50), r => Assert.DoesNotContain(r["body"]!.GetValue<string>(), hostLog, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartRun_FileInput_StreamsTheFileAndProcessesEveryLine()
    {
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["job"] = "classify-tickets",
            ["input"] = new JsonObject { ["path"] = "samples/tickets-small.jsonl" },
        });
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(2));

        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        Assert.Equal(50, (await ReadResultsAsync(runId)).Count(r => r.Status == RecordStatus.Succeeded));
    }

    private async Task<List<RecordResultEntity>> ReadResultsAsync(string runId)
    {
        var table = _stack.Tables.GetTableClient(StorageClients.ResultsTable);
        var rows = new List<RecordResultEntity>();
        await foreach (var row in table.QueryAsync<RecordResultEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
