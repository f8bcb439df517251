using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>
/// Under a storm of server errors the chunk's shared retry budget, not each record's attempt limit, bounds the
/// requests sent; under a storm of 429s neither attempts nor the budget are spent, and the call's throttle limit ends it.
/// </summary>
public sealed class RetryBudgetTests
{
    private static readonly Dictionary<string, string?> ServerErrorStorm = new()
    {
        ["Simulator:Faults:ServerErrorRate"] = "1",
        ["Simulator:Faults:ServerErrorStatus"] = "503",
        ["Simulator:Faults:FailFirstAttempts"] = "1000",
    };

    [Fact]
    public async Task CompleteAsync_ServerErrorStormWithSharedBudget_SendsCallsPlusBudgetRequests()
    {
        await using var simulator = await SimulatorServer.StartAsync(ServerErrorStorm);
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, maxAttempts: 6));
        var budget = new RetryBudget(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket(), budget: budget), CancellationToken.None)));

        Assert.Equal(5 + 3, await simulator.RequestsAsync());
        Assert.Equal(5 + 3, results.Sum(r => r.Attempts));
        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.Equal(RecordErrorCodes.ServerError, r.ErrorCode);
            Assert.Equal(503, r.HttpStatus);
            Assert.EndsWith("(not retried: the chunk's retry budget is spent)", r.ErrorMessage, StringComparison.Ordinal);
        });
        Assert.True(budget.Remaining <= 0);
    }

    [Fact]
    public async Task CompleteAsync_AttemptsExhaustedBeforeBudget_SpendsOneUnitPerRetryOnly()
    {
        await using var simulator = await SimulatorServer.StartAsync(ServerErrorStorm);
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
    public async Task CompleteAsync_ThrottleStorm_SpendsNoBudgetAndEndsRetryableAtTheThrottleLimit()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Faults:ThrottleAll"] = "true",
            ["Simulator:Faults:RetryAfterMs"] = "100",
        });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, maxAttempts: 2));
        var budget = new RetryBudget(1);
        var request = ChatRequests.Text(ChatRequests.Ticket(), budget: budget) with { ThrottleUntil = DateTimeOffset.UtcNow.AddSeconds(3) };

        var result = await client.CompleteAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.Throttled, result.ErrorCode);
        Assert.Equal(1, budget.Remaining);
        var requests = await simulator.RequestsAsync();
        // More attempts than maxAttempts (429s are not counted), fewer than one per retry-after (the pauses double).
        Assert.InRange(requests, 3, 10);
        Assert.Equal(requests, result.Attempts);
        Assert.Equal(requests, result.Throttled);
        Assert.DoesNotContain("retry budget", result.ErrorMessage, StringComparison.Ordinal);
    }
}
