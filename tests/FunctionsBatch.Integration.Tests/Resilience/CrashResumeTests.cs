using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Resilience;

/// <summary>
/// SIGKILL the local host twice in a 5,000-record run and start it again: the run resumes from its durable
/// history, every record ends with exactly one row, and only work that was in flight is paid for twice.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Records = 5000;
    private const int ChunkSize = 50;
    private const int MaxParallelChunks = 4;
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(CrashResumeTests),
        new Dictionary<string, string>
        {
            ["DurableTask__ControlQueueVisibilityTimeoutSeconds"] = "15",
            ["DurableTask__WorkItemQueueVisibilityTimeoutSeconds"] = "15",
            ["DurableTask__LeaseIntervalSeconds"] = "15",
            ["DurableTask__LeaseRenewIntervalSeconds"] = "5",
            ["DurableTask__LeaseAcquireIntervalSeconds"] = "5",
        },
        new Dictionary<string, string> { ["Simulator__LatencyMs"] = "60" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Run_HostKilledTwiceMidRun_CompletesWithOneRowPerRecordAndBoundedDuplicateCalls()
    {
        var random = new Random();
        var samples = RunsClient.ReadRecords("samples/tickets.jsonl");
        var records = Enumerable.Range(0, Records)
            .Select(i => samples[i % samples.Count].DeepClone().AsObject())
            .Select((r, i) => { r["id"] = $"R-{i:D5}"; return r; })
            .ToArray();
        var spec = JobSpecs.Classify(chunkSize: ChunkSize, maxParallelChunks: MaxParallelChunks);
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
        });

        var killedAt = new List<int>();
        foreach (var (low, high) in new[] { (0.15, 0.35), (0.5, 0.7) })
        {
            var target = (int)(Records * (low + (random.NextDouble() * (high - low))));
            var status = await RunsClient.WaitUntilAsync(_stack.Http, runId, s => s.GetProperty("progress").GetProperty("processed").GetInt32() >= target, TimeSpan.FromMinutes(5));
            _stack.Host.Kill();
            killedAt.Add(status.GetProperty("progress").GetProperty("processed").GetInt32());
            await _stack.StartHostAsync();
        }

        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(8));
        var sim = await _stack.SimulatorStatsAsync();
        var duplicates = sim.GetProperty("requests").GetInt64() - Records;
        output.WriteLine($"killed after {string.Join(" and ", killedAt)} processed records; simulator requests {sim.GetProperty("requests").GetInt64()}, duplicates {duplicates}");

        Assert.Equal("Completed", final.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Succeeded", final.GetProperty("outcome").GetString());
        Assert.Equal(Records, final.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(Records, rows.Count);
        Assert.Equal(records.Select(r => r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));

        // At a kill, at most the records of the chunks in flight can be called again (finished ones are in history,
        // and an interrupted chunk reuses the rows it had already written).
        Assert.InRange(duplicates, 0, 2L * MaxParallelChunks * ChunkSize);
        // The cost row counts the rows, plus an estimate of the calls the killed executions paid for and never wrote
        // (at most the chunks in flight, again), named as such.
        var cost = await ResultRows.CostAsync(_stack, runId);
        var rowTokens = rows.Sum(r => r.PromptTokens);
        output.WriteLine($"cost row {cost.InputTokens} input tokens, rows {rowTokens}; waste: {cost.WasteCauses}");
        Assert.InRange(cost.InputTokens, rowTokens, rowTokens + (2L * MaxParallelChunks * ChunkSize * rows.Max(r => r.PromptTokens)));
        Assert.Contains("redone after a crash (estimated)", cost.WasteCauses, StringComparison.Ordinal);
    }
}
