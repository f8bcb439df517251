using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Batch;

/// <summary>A full enqueued-token quota makes batch chunks wait on durable timers, not fail; a cancel cancels the remote batch.</summary>
public sealed class BatchQuotaAndCancelTests
{
    /// <summary>About 1.5 chunks of 100 sample tickets (about 60,000 prompt tokens each): one batch fits at a time.</summary>
    private const long EnqueuedLimit = 90_000;

    [Fact]
    public async Task Quota_ServiceRefusesBatchesOverItsLimit_ChunksWaitAndTheRunCompletes()
    {
        await using var stack = await LocalStack.StartAsync(
            "BatchQuotaService",
            simulatorSettings: SimulatorWithQuota(completionDelayMs: 1500));

        var runId = await StartAsync(stack, records: 300, chunkSize: 100);
        var status = await RunsClient.WaitForFinishAsync(stack.Http, runId, TimeSpan.FromMinutes(4));

        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        Assert.Equal(300, status.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var batch = (await stack.SimulatorStatsAsync()).GetProperty("batch");
        Assert.True(batch.GetProperty("quotaRejected").GetInt64() > 0, $"no batch was refused for the quota: {batch}");
        Assert.Equal(3, batch.GetProperty("created").GetInt64());
        Assert.Equal(3, batch.GetProperty("completed").GetInt64());
        Assert.Equal(0, batch.GetProperty("cancelled").GetInt64());
        var rows = await ResultRows.ReadAsync(stack, runId);
        Assert.Equal(300, rows.Count(r => r.Status == RecordStatus.Succeeded && r.Mode == "batch"));
    }

    [Fact]
    public async Task Quota_ConfiguredOnTheHost_ChunksWaitBeforeSubmittingAndTheServiceRefusesNone()
    {
        await using var stack = await LocalStack.StartAsync(
            "BatchQuotaHost",
            hostSettings: new Dictionary<string, string> { ["AzureOpenAI__Deployments__gpt-4o-mini__EnqueuedTokens"] = EnqueuedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            simulatorSettings: SimulatorWithQuota(completionDelayMs: 1500));

        var runId = await StartAsync(stack, records: 300, chunkSize: 100);
        var status = await RunsClient.WaitForFinishAsync(stack.Http, runId, TimeSpan.FromMinutes(4));

        Assert.True(status.GetProperty("outcome").GetString() == "Succeeded", status.ToString());
        var batch = (await stack.SimulatorStatsAsync()).GetProperty("batch");
        Assert.Equal((0L, 3L), (batch.GetProperty("quotaRejected").GetInt64(), batch.GetProperty("created").GetInt64()));
        Assert.Contains("enqueued-token quota full", LocalStack.ReadLog(stack.HostLogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_BatchRunInProgress_CancelsTheRemoteBatchesAndCountsAddUp()
    {
        await using var stack = await LocalStack.StartAsync(
            "BatchCancel",
            simulatorSettings: new Dictionary<string, string> { ["Simulator__Batch__CompletionDelayMs"] = "120000" });

        var runId = await StartAsync(stack, records: 400, chunkSize: 100);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await stack.SimulatorStatsAsync()).GetProperty("batch").GetProperty("created").GetInt64() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run did not create its batches");
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var cancel = await stack.Http.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await RunsClient.WaitForFinishAsync(stack.Http, runId, TimeSpan.FromMinutes(2));

        Assert.Equal("Canceled", status.GetProperty("outcome").GetString());
        var batch = (await stack.SimulatorStatsAsync()).GetProperty("batch");
        Assert.Equal(batch.GetProperty("created").GetInt64(), batch.GetProperty("cancelled").GetInt64());
        Assert.Equal(0, batch.GetProperty("completed").GetInt64());
        var progress = status.GetProperty("progress");
        var (succeeded, failed, skipped) = (progress.GetProperty("succeeded").GetInt32(), progress.GetProperty("failed").GetInt32(), progress.GetProperty("skipped").GetInt32());
        Assert.Equal(400, succeeded + failed + skipped);
        Assert.True(skipped > 0, "a cancel three seconds into a two-minute batch left nothing unprocessed");
        Assert.Equal(succeeded + failed, (await ResultRows.ReadAsync(stack, runId)).Count);
        Assert.Equal(batch.GetProperty("linesSucceeded").GetInt64(), succeeded);
    }

    private static Dictionary<string, string> SimulatorWithQuota(int completionDelayMs) => new()
    {
        ["Simulator__Batch__CompletionDelayMs"] = completionDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Simulator__Batch__ValidationDelayMs"] = "200",
        ["Simulator__Batch__EnqueuedTokenLimits__gpt-4o-mini"] = EnqueuedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<string> StartAsync(LocalStack stack, int records, int chunkSize)
    {
        var spec = BatchSpecs.Classify(chunkSize, maxParallelChunks: 3);
        return await RunsClient.StartAsync(stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(RunsClient.ReadRecords("samples/tickets.jsonl", take: records).Select(r => (JsonNode)r.DeepClone()).ToArray()),
        });
    }
}
