using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Resilience;

/// <summary>
/// Two local host processes on one task hub (each with its own Durable WorkerId) split a run's work through the
/// engine's partition leases and the shared work-item queue; when one is SIGKILLed mid-run the survivor takes over
/// its partitions and the run completes with one row per record and only in-flight chunks paid for twice.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int PartitionCount = 4;
    private LocalStack _stack = null!;
    private LocalStack.ExtraHost _second = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(
            nameof(ScaleOutTests),
            new Dictionary<string, string>
            {
                ["DurableTask__PartitionCount"] = PartitionCount.ToString(CultureInfo.InvariantCulture),
                ["DurableTask__ControlQueueVisibilityTimeoutSeconds"] = "15",
                ["DurableTask__WorkItemQueueVisibilityTimeoutSeconds"] = "15",
                ["DurableTask__LeaseIntervalSeconds"] = "15",
                ["DurableTask__LeaseRenewIntervalSeconds"] = "5",
                ["DurableTask__LeaseAcquireIntervalSeconds"] = "5",
            },
            new Dictionary<string, string> { ["Simulator__LatencyMs"] = "50" });
        _second = await _stack.StartExtraHostAsync();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Run_TwoHostsOnOneTaskHub_SplitTheWorkAndCompleteAfterOneIsKilled()
    {
        const int Records = 3000;
        const int ChunkSize = 25;
        const int MaxParallelChunks = 8;
        const int ChunksPerGroup = 30;
        const int Chunks = Records / ChunkSize;
        var (firstWorker, secondWorker) = await WaitForPartitionSplitAsync();

        var records = NumberedRecords(Records);
        var spec = JobSpecs.Classify(chunkSize: ChunkSize, maxParallelChunks: MaxParallelChunks);
        spec["chunksPerGroup"] = ChunksPerGroup;
        var clock = Stopwatch.StartNew();
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
        });

        // Both processes must have finished chunks of this run before one of them dies.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        JsonElement status;
        while (true)
        {
            status = await RunsClient.GetAsync(_stack.Http, runId);
            if (ChunksDone(_stack.HostLogPath, runId).Count > 0 && ChunksDone(_second.LogPath, runId).Count > 0)
            {
                break;
            }

            Assert.True(status.GetProperty("runtimeStatus").GetString() is "Pending" or "Running" && DateTime.UtcNow < deadline, $"both hosts should process chunks while the run is going; status: {status}");
            await Task.Delay(200);
        }

        // Kill the process that holds the run's own orchestration partition: the survivor has to take the lease
        // over to dispatch the remaining groups, and redo the chunk activities that were in flight on the victim.
        status = await RunsClient.GetAsync(_stack.Http, runId);
        var owners = await _stack.PartitionOwnersAsync();
        var runPartition = _stack.PartitionOf(runId);
        var killFirst = owners.GetValueOrDefault(runPartition) != secondWorker;
        var processedAtKill = status.GetProperty("progress").GetProperty("processed").GetInt32();
        var chunksBeforeKill = (First: ChunksDone(_stack.HostLogPath, runId).Count, Second: ChunksDone(_second.LogPath, runId).Count);
        var killedAt = clock.Elapsed;
        if (killFirst)
        {
            _stack.Host.Kill();
        }
        else
        {
            _second.Kill();
        }

        var survivor = killFirst ? _second.Http : _stack.Http;
        var survivorWorker = killFirst ? secondWorker : firstWorker;
        output.WriteLine($"partitions before the kill: {Describe(owners)}; run {runId} is on partition {runPartition}, groups on {string.Join(", ", Enumerable.Range(0, Chunks / ChunksPerGroup).Select(g => _stack.PartitionOf($"{runId}:g{g:D5}")))}");
        output.WriteLine($"killed the {(killFirst ? "first" : "second")} host after {killedAt.TotalSeconds:0.0} s, {processedAtKill} processed records; chunks done by then: first {chunksBeforeKill.First}, second {chunksBeforeKill.Second}");

        var final = await RunsClient.WaitForFinishAsync(survivor, runId, TimeSpan.FromMinutes(8));
        var finishedAfterKill = clock.Elapsed - killedAt;
        var sim = await _stack.SimulatorStatsAsync();
        var requests = sim.GetProperty("requests").GetInt64();
        var duplicates = requests - Records;
        var firstChunks = ChunksDone(_stack.HostLogPath, runId);
        var secondChunks = ChunksDone(_second.LogPath, runId);
        var ownersAfter = await WaitForOwnerAsync(survivorWorker);
        output.WriteLine($"chunk completions logged: first host {firstChunks.Count} ({firstChunks.Distinct().Count()} distinct), second host {secondChunks.Count} ({secondChunks.Distinct().Count()} distinct), {Chunks} chunks in the run");
        output.WriteLine($"finished {finishedAfterKill.TotalSeconds:0.0} s after the kill ({clock.Elapsed.TotalSeconds:0.0} s in all); simulator requests {requests}, duplicates {duplicates}; partitions after: {Describe(ownersAfter)}");

        Assert.NotEqual(firstWorker, secondWorker);
        Assert.True(chunksBeforeKill.First > 0 && chunksBeforeKill.Second > 0);
        Assert.Equal("Completed", final.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Succeeded", final.GetProperty("outcome").GetString());
        Assert.Equal(Records, final.GetProperty("progress").GetProperty("succeeded").GetInt32());
        Assert.Equal(Enumerable.Range(0, Chunks), firstChunks.Concat(secondChunks).Distinct().Order());
        Assert.All(Enumerable.Range(0, PartitionCount), p => Assert.Equal(survivorWorker, ownersAfter.GetValueOrDefault(p)));

        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(Records, rows.Count);
        Assert.Equal(records.Select(r => r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        // The rows, plus an estimate of what the killed host's chunks paid for and never wrote (at most those in flight).
        var cost = await ResultRows.CostAsync(_stack, runId);
        var rowTokens = rows.Sum(r => r.PromptTokens);
        Assert.InRange(cost.InputTokens, rowTokens, rowTokens + (MaxParallelChunks * ChunkSize * rows.Max(r => r.PromptTokens)));

        // Only the chunks in flight on the killed process can call the model again (a redone chunk reuses the rows
        // it had already written); twice that is the margin.
        Assert.InRange(duplicates, 0, 2L * MaxParallelChunks * ChunkSize);
    }

    [Fact]
    public async Task Cancel_GroupedRunOnTwoHosts_StopsInsideTheRunningGroupWithCountsAddingUp()
    {
        const int Records = 1000;
        const int ChunkSize = 20;
        const int ChunksPerGroup = 20;
        await WaitForPartitionSplitAsync();
        var spec = JobSpecs.Classify(chunkSize: ChunkSize, maxParallelChunks: 2, concurrency: 4);
        spec["chunksPerGroup"] = ChunksPerGroup;
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(NumberedRecords(Records).Select(r => (JsonNode)r).ToArray()),
        });

        // Into the second of three groups: the cancel reaches the run on one partition and is forwarded to the
        // running group sub-orchestration, which may live on the other process.
        var before = await RunsClient.WaitUntilAsync(_stack.Http, runId, s => s.GetProperty("progress").GetProperty("chunksCompleted").GetInt32() >= ChunksPerGroup + 2, TimeSpan.FromMinutes(3));
        var activeGroup = $"{runId}:g{before.GetProperty("progress").GetProperty("chunksCompleted").GetInt32() / ChunksPerGroup:D5}";
        using (var cancel = await _second.Http.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));
        var progress = status.GetProperty("progress");
        var (succeeded, failed, skipped) = (progress.GetProperty("succeeded").GetInt32(), progress.GetProperty("failed").GetInt32(), progress.GetProperty("skipped").GetInt32());
        var (groupStatus, groupOutput) = await InstanceAsync(activeGroup);
        var owners = await _stack.PartitionOwnersAsync();
        output.WriteLine($"canceled at {before.GetProperty("progress").GetProperty("processed").GetInt32()} processed, inside {activeGroup} (partition {_stack.PartitionOf(activeGroup)}; run on {_stack.PartitionOf(runId)}; {Describe(owners)})");
        output.WriteLine($"ended {status.GetProperty("outcome").GetString()}: {succeeded} succeeded, {failed} failed, {skipped} skipped; group {activeGroup} {groupStatus}: {groupOutput}");

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Canceled", status.GetProperty("outcome").GetString());
        Assert.Equal(Records, succeeded + failed + skipped);
        Assert.InRange(succeeded + failed, (ChunksPerGroup + 2) * ChunkSize, Records - 1);

        // The group stopped itself (the run forwarded the cancel to it), and no later group was started.
        Assert.Equal("Completed", groupStatus);
        Assert.True(JsonNode.Parse(groupOutput!)!.AsObject().First(p => p.Key.Equals("canceled", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<bool>(), groupOutput);
        Assert.True(succeeded + failed < 2 * ChunksPerGroup * ChunkSize, "the group should stop before finishing its chunks");
        Assert.Null((await InstanceAsync($"{runId}:g{(Records / ChunkSize / ChunksPerGroup):D5}")).Status);

        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(succeeded + failed, rows.Count);
        var cost = await ResultRows.CostAsync(_stack, runId);
        Assert.Equal(("Canceled", succeeded, skipped), (cost.Outcome, cost.Succeeded, cost.Skipped));
    }

    /// <summary>Waits until the two processes hold the task hub's partitions between them, each at least one.</summary>
    private async Task<(string First, string Second)> WaitForPartitionSplitAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var first = await LoggedWorkerIdAsync(() => LocalStack.WorkerIdIn(_stack.HostLogPath), "first", deadline);
        var second = await LoggedWorkerIdAsync(() => _second.WorkerId, "second", deadline);
        IReadOnlyDictionary<int, string> owners;
        while (true)
        {
            owners = await _stack.PartitionOwnersAsync();
            if (owners.Count == PartitionCount && owners.Values.Contains(first) && owners.Values.Contains(second))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the partitions were not split between {first} and {second} within 90 s: {Describe(owners)}");
            await Task.Delay(500);
        }

        output.WriteLine($"workers: first {first}, second {second}; partitions: {Describe(owners)}");
        return (first, second);
    }

    /// <summary>A host's WorkerId from its log: the log line can reach the file a little after the host answers /healthz.</summary>
    private static async Task<string> LoggedWorkerIdAsync(Func<string?> read, string which, DateTime deadline)
    {
        while (true)
        {
            if (read() is { } workerId)
            {
                return workerId;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the {which} host logged no WorkerId");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The partition owners once <paramref name="worker"/> holds them all, or as they are after 60 s: the survivor takes
    /// the dead process's expired leases one acquire cycle at a time, so the run can finish before the last one moves.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, string>> WaitForOwnerAsync(string worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var owners = await _stack.PartitionOwnersAsync();
            if ((owners.Count == PartitionCount && owners.Values.All(o => o == worker)) || DateTime.UtcNow >= deadline)
            {
                return owners;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>An orchestration instance's runtime status and output straight from the task hub's instances table (nulls: never started).</summary>
    private async Task<(string? Status, string? Output)> InstanceAsync(string instanceId)
    {
        await foreach (var row in _stack.Tables.GetTableClient(_stack.TaskHubName + "Instances")
                           .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}")))
        {
            return (row.GetString("RuntimeStatus"), row.GetString("Output"));
        }

        return (null, null);
    }

    /// <summary>The chunk indices a host logged as done for the run ("Run {RunId} chunk {ChunkIndex}: …"), repeats included.</summary>
    private static List<int> ChunksDone(string logPath, string runId) =>
        Regex.Matches(LocalStack.ReadLog(logPath), $@"Run {Regex.Escape(runId)} chunk (\d+): ", RegexOptions.CultureInvariant)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();

    private static string Describe(IReadOnlyDictionary<int, string> owners) =>
        owners.Count == 0 ? "none held" : string.Join(", ", owners.OrderBy(o => o.Key).Select(o => $"{o.Key}→{o.Value}"));

    private static JsonObject[] NumberedRecords(int count)
    {
        var samples = RunsClient.ReadRecords("samples/tickets.jsonl");
        return Enumerable.Range(0, count)
            .Select(i => samples[i % samples.Count].DeepClone().AsObject())
            .Select((r, i) => { r["id"] = $"R-{i:D5}"; return r; })
            .ToArray();
    }
}
