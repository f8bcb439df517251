using System.Diagnostics;
using FunctionsBatch.Azure.Tests.TestSupport;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>A 429's retry-after-ms decides the wait before the next attempt, not the (here tiny) backoff.</summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task CompleteAsync_ThrottledWithRetryAfterMs_WaitsAdvertisedDelayBeforeRetry()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:RetryAfterMs"] = "1500" });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));
        var clock = Stopwatch.StartNew();

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[THROTTLE-ONCE]]")), CancellationToken.None);

        clock.Stop();
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(1, result.Throttled);
        Assert.True(clock.ElapsedMilliseconds >= 1450, $"retried after {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.ElapsedMilliseconds < 5000, $"retried after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task CompleteAsync_429RetryAfterAboveMaxDelay_HoldsTheCallForTheWholeAdvertisedWait()
    {
        // MaxDelaySeconds caps backoff for server errors; a 429's retry-after is the service's own word on when it admits again.
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:RetryAfterMs"] = "3000" });
        var settings = ModelClients.Settings(simulator.BaseAddress);
        settings.MaxDelaySeconds = 1;
        var client = ModelClients.Retrying(settings);
        var clock = Stopwatch.StartNew();

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[THROTTLE-ONCE]]")), CancellationToken.None);

        clock.Stop();
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.InRange(clock.ElapsedMilliseconds, 2_950, 10_000);
    }
}
