using System.Text.Json.Nodes;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Batch;

/// <summary>
/// <c>budgetUsd</c> in batch mode, through the simulator's Batch API and the real batch processor: the run stops
/// when the next batch would pass the budget, as an online run does.
/// </summary>
public sealed class BatchBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Records = 1_000;
    private const int ChunkSize = 100;

    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(BatchBudgetTests),
        simulatorSettings: new Dictionary<string, string>
        {
            ["Simulator__Batch__CompletionDelayMs"] = "1000",
            ["Simulator__Batch__ValidationDelayMs"] = "200",
        });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task BatchRun_BudgetBelowItsFullCost_EndsBudgetExceededWithinOneBatchOfTheBudgetAndSkipsTheChunksNeverSubmitted()
    {
        // 100 sample tickets cost about $0.005 at the batch price: the budget holds two or three batches of ten.
        const decimal budget = 0.012m;
        var spec = BatchSpecs.Classify(chunkSize: ChunkSize, maxParallelChunks: 2);
        spec["budgetUsd"] = budget;
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(RunsClient.ReadRecords("samples/tickets.jsonl", take: Records).Select(r => r.DeepClone()).ToArray()),
        });

        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(4));

        var rows = await ResultRows.ReadAsync(_stack, runId);
        var total = await ResultRows.CostAsync(_stack, runId);
        var batchStats = (await _stack.SimulatorStatsAsync()).GetProperty("batch");
        output.WriteLine($"outcome {final.GetProperty("outcome")}: {final.GetProperty("reason")}; cost {total.CostMicros} µ$, {batchStats}");
        Assert.Equal("BudgetExceeded", final.GetProperty("outcome").GetString());
        // Rows are written for the records processed; the rest are skipped, counted on the status answer and the cost row.
        Assert.All(rows, r => Assert.Equal(RecordStatus.Succeeded, r.Status));
        var skipped = Records - rows.Count;
        Assert.True(skipped > 0, "the budget stopped nothing");
        var progress = final.GetProperty("progress");
        Assert.Equal((rows.Count, 0, skipped), (progress.GetProperty("succeeded").GetInt32(), progress.GetProperty("failed").GetInt32(), progress.GetProperty("skipped").GetInt32()));
        Assert.Equal((rows.Count, skipped, 0), (total.Succeeded, total.Skipped, total.Failed));

        // Whole chunks were submitted or never were: no line of a skipped record reached the Batch API.
        var submittedChunks = rows.Select(r => r.ChunkIndex).Distinct().Count();
        Assert.Equal(submittedChunks * ChunkSize, rows.Count);
        Assert.Equal(rows.Count, batchStats.GetProperty("lines").GetInt64());

        // Billed at most one batch past the budget.
        var oneBatch = total.CostMicros / submittedChunks;
        Assert.InRange(total.CostMicros, 1, (long)(budget * 1_000_000m) + oneBatch);
        Assert.Equal("batch", total.Mode);
    }
}
