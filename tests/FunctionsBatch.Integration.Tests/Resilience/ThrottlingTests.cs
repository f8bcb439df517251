using System.Text.Json.Nodes;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Resilience;

/// <summary>
/// A deployment that answers only 429s: records wait (and chunks hand them back at their time limit to go again)
/// instead of failing, and fail as <c>rate_limited</c> only when the spec's <c>throttleWait</c> runs out.
/// </summary>
public sealed class ThrottlingTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(ThrottlingTests),
        new Dictionary<string, string> { ["FunctionsBatch__ChunkTimeLimitSeconds"] = "20" },
        new Dictionary<string, string> { ["Simulator__Faults__ThrottleAll"] = "true", ["Simulator__Faults__RetryAfterMs"] = "1000" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Run_DeploymentAnswersOnly429ForTwoMinutesThenRecovers_EveryRecordSucceeds()
    {
        const int count = 120;
        var runId = await StartAsync(JobSpecs.Classify(chunkSize: 40, maxParallelChunks: 2), count);

        await Task.Delay(TimeSpan.FromMinutes(2));
        var during = await RunsClient.GetAsync(_stack.Http, runId);
        var refusedDuringStorm = (await _stack.SimulatorStatsAsync()).GetProperty("requests").GetInt64();
        await _stack.ConfigureSimulatorAsync("""{"faults":{"throttleAll":false}}""");
        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));

        Assert.Equal("Running", during.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Succeeded", final.GetProperty("outcome").GetString());
        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal(RecordStatus.Succeeded, r.Status));
        // The pauses double while nothing is answered: the storm is probed, not flooded (each record alone would retry every second).
        Assert.InRange(refusedDuringStorm, 1, count * 4);
        // The chunks met their 20 s time limit during the storm and went again for their records.
        Assert.Contains("still rate limited at the chunk's time limit", LocalStack.ReadLog(_stack.HostLogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StillThrottledWhenThrottleWaitRunsOut_FailsEachRecordAsRateLimitedNamingTheWait()
    {
        const int count = 60;
        await _stack.ConfigureSimulatorAsync("""{"faults":{"throttleAll":true}}""");
        var spec = JobSpecs.Classify(chunkSize: 30, maxParallelChunks: 2);
        spec["throttleWait"] = "PT15S";
        var runId = await StartAsync(spec, count);

        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));

        Assert.Equal(count, final.GetProperty("progress").GetProperty("failed").GetInt32());
        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal((RecordStatus.Failed, "rate_limited"), (r.Status, r.ErrorCode));
            Assert.Contains("throttleWait", r.ErrorMessage, StringComparison.Ordinal);
        });
    }

    private async Task<string> StartAsync(JsonObject spec, int count)
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: count);
        return await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()),
        });
    }
}
