using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>Under a 429 storm the chunk's shared retry budget, not each record's attempt limit, bounds the requests sent.</summary>
public sealed class RetryBudgetTests
{
    private static readonly Dictionary<string, string?> Storm = new()
    {
        ["Simulator:Faults:ThrottleAll"] = "true",
        ["Simulator:Faults:RetryAfterMs"] = "20",
    };

    [Fact]
    public async Task CompleteAsync_ThrottleStormWithSharedBudget_SendsCallsPlusBudgetRequests()
    {
        await using var simulator = await SimulatorServer.StartAsync(Storm);
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, maxAttempts: 6));
        var budget = new RetryBudget(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket(), budget: budget), CancellationToken.None)));
        var stats = await simulator.StatsAsync();

        Assert.Equal(5 + 3, stats.GetProperty("requests").GetInt64());
        Assert.Equal(5 + 3, stats.GetProperty("throttled").GetInt64());
        Assert.Equal(5 + 3, results.Sum(r => r.Attempts));
        Assert.Equal(5 + 3, results.Sum(r => r.Throttled));
        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.Equal(RecordErrorCodes.Throttled, r.ErrorCode);
            Assert.Equal(429, r.HttpStatus);
            Assert.EndsWith("(not retried: the chunk's retry budget is spent)", r.ErrorMessage, StringComparison.Ordinal);
        });
        Assert.True(budget.Remaining <= 0);
    }

    [Fact]
    public async Task CompleteAsync_AttemptsExhaustedBeforeBudget_SpendsOneUnitPerRetryOnly()
    {
        await using var simulator = await SimulatorServer.StartAsync(Storm);
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, maxAttempts: 2));
        var budget = new RetryBudget(10);

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket(), budget: budget), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, await simulator.RequestsAsync());
        Assert.Equal(9, budget.Remaining);
        Assert.DoesNotContain("retry budget", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_ThrottleStormWithoutBudget_StopsAtMaxAttempts()
    {
        await using var simulator = await SimulatorServer.StartAsync(Storm);
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, maxAttempts: 3));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.Throttled, result.ErrorCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, result.Throttled);
        Assert.Equal(3, await simulator.RequestsAsync());
    }
}
