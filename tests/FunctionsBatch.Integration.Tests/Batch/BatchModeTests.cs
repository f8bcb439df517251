using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Batch;

/// <summary>
/// The 2,000 sample tickets through the simulator's Batch API, with lines that fail and expire the first time and
/// are resubmitted online, against the same records run online: same answers, every record terminal, cost rows
/// equal to the simulator's counts, and the batch part billed at half the online price.
/// </summary>
public sealed class BatchModeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(BatchModeTests),
        simulatorSettings: new Dictionary<string, string>
        {
            ["Simulator__Batch__CompletionDelayMs"] = "3000",
            ["Simulator__Batch__ValidationDelayMs"] = "300",
        });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task BatchRun_SampleTicketsWithFailingAndExpiringLines_EveryRecordTerminalAndBatchPartBilledAtHalfTheOnlinePrice()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl").Select((r, i) => Marked(r, i)).ToArray();
        Assert.Equal(2000, records.Length);

        var onlineSpec = JobSpecs.Classify(chunkSize: 100, maxParallelChunks: 4);
        onlineSpec["reprocess"] = true;
        await ResetSimulatorAsync();
        var onlineRun = await RunAsync(onlineSpec, records);
        var onlineSim = await _stack.SimulatorStatsAsync();

        var batchSpec = BatchSpecs.Classify(chunkSize: 500, maxParallelChunks: 4);
        await ResetSimulatorAsync();
        var batchRun = await RunAsync(batchSpec, records);
        var batchSim = await _stack.SimulatorStatsAsync();

        var onlineRows = (await ResultRows.ReadAsync(_stack, onlineRun)).ToDictionary(r => r.RowKey);
        var batchRows = await ResultRows.ReadAsync(_stack, batchRun);
        Assert.Equal(2000, batchRows.Count);
        Assert.All(batchRows, r => Assert.Equal(RecordStatus.Succeeded, r.Status));
        Assert.All(batchRows, r => Assert.Equal(onlineRows[r.RowKey].Output, r.Output));
        var resubmitted = batchRows.Where(r => r.Mode == "online").Select(r => r.RowKey).ToHashSet();
        Assert.Equal(records.Where(IsMarked).Select(r => r["id"]!.GetValue<string>()).ToHashSet(), resubmitted);
        var exported = await ExportedResults.ReadAsync(_stack, await RunsClient.WaitForFinishAsync(_stack.Http, batchRun, TimeSpan.FromMinutes(1)));
        Assert.Equal(batchRows.Select(r => r.RowKey).Order(StringComparer.Ordinal), exported.Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(exported, e => Assert.Equal(RecordStatus.Succeeded, e.GetProperty("status").GetString()));

        var batchPart = await CostRowAsync(batchRun, "batch");
        var onlinePart = await CostRowAsync(batchRun, "online");
        var total = await ResultRows.CostAsync(_stack, batchRun);
        var batchStats = batchSim.GetProperty("batch");
        Assert.Equal(batchStats.GetProperty("promptTokens").GetInt64(), batchPart.InputTokens);
        Assert.Equal(batchStats.GetProperty("completionTokens").GetInt64(), batchPart.OutputTokens);
        Assert.Equal(batchSim.GetProperty("promptTokens").GetInt64(), onlinePart.InputTokens);
        Assert.Equal(batchSim.GetProperty("completionTokens").GetInt64(), onlinePart.OutputTokens);
        Assert.Equal(batchStats.GetProperty("linesFailed").GetInt64(), batchPart.FailedLines);
        Assert.Equal(batchStats.GetProperty("linesExpired").GetInt64(), batchPart.ExpiredLines);
        Assert.Equal(resubmitted.Count, batchPart.ResubmittedLines);
        Assert.Equal(records.Count(r => r["body"]!.GetValue<string>().Contains("[[BATCH-FAIL]]", StringComparison.Ordinal)), batchPart.FailedLines);
        Assert.Equal(records.Count(r => r["body"]!.GetValue<string>().Contains("[[BATCH-EXPIRE]]", StringComparison.Ordinal)), batchPart.ExpiredLines);
        Assert.Equal(batchPart.CostMicros + onlinePart.CostMicros, total.CostMicros);

        // The same records cost this online; the batch part is billed at half of it, the resubmitted part at full price.
        var price = PriceTable.Default.For("gpt-4o-mini");
        var onlineCostOfBatched = CostCalculator.MicroDollars(UsageOf(onlineRows.Values.Where(r => !resubmitted.Contains(r.RowKey))), price);
        var onlineCostOfResubmitted = CostCalculator.MicroDollars(UsageOf(onlineRows.Values.Where(r => resubmitted.Contains(r.RowKey))), price);
        var onlineTotal = (await ResultRows.CostAsync(_stack, onlineRun)).CostMicros;
        Assert.Equal(onlineSim.GetProperty("promptTokens").GetInt64(), (await ResultRows.CostAsync(_stack, onlineRun)).InputTokens);
        Assert.InRange(batchPart.CostMicros * 2 - onlineCostOfBatched, -1, 1);
        Assert.Equal(onlineCostOfResubmitted, onlinePart.CostMicros);
        Assert.Equal(onlineCostOfBatched, batchPart.ListCostMicros);
        output.WriteLine(
            $"online run: {onlineTotal} µ$ ({onlineSim.GetProperty("promptTokens").GetInt64()} prompt + {onlineSim.GetProperty("completionTokens").GetInt64()} completion tokens); " +
            $"batch run: {total.CostMicros} µ$ billed, {total.ListCostMicros} µ$ at list (batch part {batchPart.CostMicros} µ$ for {batchPart.InputTokens} + {batchPart.OutputTokens} tokens, " +
            $"online part {onlinePart.CostMicros} µ$ for {onlinePart.InputTokens} + {onlinePart.OutputTokens} tokens); lines failed {batchPart.FailedLines}, expired {batchPart.ExpiredLines}, resubmitted {batchPart.ResubmittedLines}; " +
            $"batches {batchStats.GetProperty("created").GetInt64()}, same records all online at list would be {onlineCostOfBatched + onlineCostOfResubmitted} µ$");

        var modes = await _stack.Http.GetFromJsonAsync<JsonElement>("/api/costs?groupBy=mode");
        var groups = modes.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("costMicros").GetInt64());
        Assert.Equal(batchPart.CostMicros, groups["batch"]);
        Assert.Equal(onlineTotal + onlinePart.CostMicros, groups["online"]);
        Assert.Equal(onlineTotal + total.CostMicros, modes.GetProperty("totalCostMicros").GetInt64());
    }

    private const int FailEvery = 97;
    private const int ExpireEvery = 131;

    private static bool IsMarked(JsonObject record) => record["body"]!.GetValue<string>().Contains("[[BATCH-", StringComparison.Ordinal);

    /// <summary>Every 97th ticket fails in its first batch, every 131st expires there; online the markers are plain text.</summary>
    private static JsonObject Marked(JsonObject record, int index)
    {
        var copy = record.DeepClone().AsObject();
        var body = copy["body"]!.GetValue<string>();
        if (index % FailEvery == 5)
        {
            copy["body"] = body + " [[BATCH-FAIL]]";
        }
        else if (index % ExpireEvery == 7)
        {
            copy["body"] = body + " [[BATCH-EXPIRE]]";
        }

        return copy;
    }

    private static TokenUsage UsageOf(IEnumerable<RecordResultEntity> rows) =>
        rows.Aggregate(TokenUsage.Zero, (sum, r) => sum + new TokenUsage(r.PromptTokens, r.CachedTokens, r.CompletionTokens));

    private async Task<RunCostEntity> CostRowAsync(string runId, string mode) =>
        (await _stack.Tables.GetTableClient(StorageClients.CostsTable).GetEntityAsync<RunCostEntity>(runId, $"gpt-4o-mini|{mode}")).Value;

    private async Task ResetSimulatorAsync()
    {
        using var reset = await _stack.Simulator.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);
        reset.EnsureSuccessStatusCode();
    }

    private async Task<string> RunAsync(JsonObject spec, IReadOnlyList<JsonObject> records)
    {
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec.DeepClone(),
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        });
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(5));
        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        var progress = status.GetProperty("progress");
        Assert.Equal(2000, progress.GetProperty("succeeded").GetInt32() + progress.GetProperty("failed").GetInt32() + progress.GetProperty("skipped").GetInt32());
        return runId;
    }
}
