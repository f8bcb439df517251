using System.Diagnostics;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>
/// Every transient fault the simulator injects once is retried by the factory-built client and then succeeds:
/// none escapes as an exception, and the usage is what was billed: the answer that succeeded, plus an estimate of
/// an answer lost on the way (prompt tokens plus <c>max_tokens</c>), which is also its waste.
/// </summary>
public sealed class TransientFaultRetryTests
{
    [Theory]
    [InlineData("[[THROTTLE-ONCE]]", 1, false)]
    [InlineData("[[FAIL-ONCE]]", 0, false)]
    [InlineData("[[RESET-ONCE]]", 0, true)]
    [InlineData("[[TRUNCATE-ONCE]]", 0, true)]
    [InlineData("[[SLOW-ONCE]]", 0, true)]
    public async Task CompleteAsync_TransientMarker_SucceedsOnSecondAttempt(string marker, int throttled, bool lostInTransit)
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "8000" });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, timeoutSeconds: 2));
        var request = ChatRequests.Text(ChatRequests.Ticket(marker));

        var result = await client.CompleteAsync(request, CancellationToken.None);
        var stats = await simulator.StatsAsync();

        Assert.True(result.Succeeded, $"{result.ErrorCode}: {result.ErrorMessage}");
        Assert.Equal(2, result.Attempts);
        Assert.Equal(throttled, result.Throttled);
        Assert.Equal(2, stats.GetProperty("requests").GetInt64());
        Assert.Equal(1, stats.GetProperty("succeeded").GetInt64());
        var prompt = ChatTokenCounter.CountPromptTokens(request.Messages);
        var lost = lostInTransit ? prompt + request.MaxOutputTokens : 0;
        Assert.Equal(prompt * (lostInTransit ? 2 : 1), result.Usage.PromptTokens);
        Assert.Equal(stats.GetProperty("completionTokens").GetInt64() + (lostInTransit ? request.MaxOutputTokens : 0), result.Usage.CompletionTokens);
        Assert.Equal(lost, result.Waste?.LostInTransit ?? 0);
    }

    [Fact]
    public async Task CompleteAsync_SlowMarker_GivesUpAfterTimeoutNotAfterServerDelay()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "8000" });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, timeoutSeconds: 2));
        var clock = Stopwatch.StartNew();

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[SLOW-ONCE]]")), CancellationToken.None);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.InRange(clock.ElapsedMilliseconds, 1900, 7000);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancelsDuringSlowAnswer_ThrowsOperationCanceled()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "8000" });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, timeoutSeconds: 30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[SLOW-ONCE]]")), cancellation.Token));

        Assert.Equal(1, await simulator.RequestsAsync());
    }
}
