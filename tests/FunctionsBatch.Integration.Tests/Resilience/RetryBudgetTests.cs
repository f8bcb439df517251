using System.Text.Json.Nodes;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Resilience;

/// <summary>In a storm where every request is answered 429, the retry budget caps the calls instead of multiplying them.</summary>
public sealed class RetryBudgetTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(RetryBudgetTests),
        new Dictionary<string, string> { ["AzureOpenAI__MaxAttempts"] = "6" },
        new Dictionary<string, string> { ["Simulator__Faults__ThrottleAll"] = "true", ["Simulator__Faults__RetryAfterMs"] = "50" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Run_AllRequestsThrottled_SpendsAtMostTheRetryBudgetAndFailsEveryRecordAsRateLimited()
    {
        const int count = 200;
        const double budget = 0.5;
        var spec = JobSpecs.Classify(chunkSize: 50, maxParallelChunks: 2);
        spec["retryBudget"] = budget;
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: count);

        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()),
        });
        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(4));

        var requests = (await _stack.SimulatorStatsAsync()).GetProperty("requests").GetInt64();
        Assert.Equal("Failed", final.GetProperty("outcome").GetString());
        Assert.InRange(requests, count, (long)(count * (1 + budget)));
        var rows = await ResultRows.ReadAsync(_stack, runId);
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal((RecordStatus.Failed, "rate_limited", 429), (r.Status, r.ErrorCode, r.HttpStatus)));
    }
}
