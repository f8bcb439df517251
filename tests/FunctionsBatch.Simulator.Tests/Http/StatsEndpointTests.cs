using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.Http;

public sealed class StatsEndpointTests
{
    [Fact]
    public async Task GetSimStats_MixedOutcomes_CountsEachKindAndTokens()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Deployments:limited:RequestsPerMinute"] = "1" }, new ManualTimeProvider());
        using var client = factory.CreateSimulatorClient();

        var first = await client.CompleteAsync(ChatBody.Create("first ticket"));
        var second = await client.CompleteAsync(ChatBody.Create("second ticket"), "limited");
        using var throttled = await client.PostChatAsync(ChatBody.Create("third ticket"), "limited");
        using var unauthorized = await client.PostChatAsync(ChatBody.Create("fourth ticket"), apiKey: null);
        using var malformed = await client.PostChatAsync("{");
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(5, stats.GetProperty("requests").GetInt64());
        Assert.Equal(2, stats.GetProperty("succeeded").GetInt64());
        Assert.Equal(1, stats.GetProperty("throttled").GetInt64());
        Assert.Equal(2, stats.GetProperty("failed").GetInt64());
        Assert.Equal(Usage(first, "prompt_tokens") + Usage(second, "prompt_tokens"), stats.GetProperty("promptTokens").GetInt64());
        Assert.Equal(Usage(first, "completion_tokens") + Usage(second, "completion_tokens"), stats.GetProperty("completionTokens").GetInt64());
        var limited = stats.GetProperty("byDeployment").GetProperty("limited");
        Assert.Equal(2, limited.GetProperty("requests").GetInt64());
        Assert.Equal(1, limited.GetProperty("throttled").GetInt64());
        Assert.Equal(3, stats.GetProperty("byDeployment").GetProperty("gpt-4o-mini").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task PostSimReset_AfterTraffic_ZeroesStatsAndRefillsBuckets()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:DefaultRequestsPerMinute"] = "1" }, new ManualTimeProvider());
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create("first ticket"));
        using var throttled = await client.PostChatAsync(ChatBody.Create("second ticket"));

        using var reset = await client.Http.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);
        var afterReset = await client.StatsAsync();
        using var afterRefill = await client.PostChatAsync(ChatBody.Create("third ticket"));
        var stats = await client.StatsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, afterReset.GetProperty("requests").GetInt64());
        Assert.Equal(0, afterReset.GetProperty("promptTokens").GetInt64());
        Assert.Empty(afterReset.GetProperty("byDeployment").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, afterRefill.StatusCode);
        Assert.Equal(1, stats.GetProperty("requests").GetInt64());
        Assert.Equal(1, stats.GetProperty("succeeded").GetInt64());
    }

    [Fact]
    public async Task PostChatCompletion_LatencyConfigured_WaitsBeforeAnswering()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:LatencyMs"] = "300" });
        using var client = factory.CreateSimulatorClient();
        await client.CompleteAsync(ChatBody.Create("warm up"));

        var clock = Stopwatch.StartNew();
        await client.CompleteAsync(ChatBody.Create("a ticket"));

        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task PostChatCompletion_ClientAbortsDuringLatency_CountsFailedNotSucceeded()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:LatencyMs"] = "30000" });
        using var client = factory.CreateSimulatorClient();
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21")
        {
            Content = new StringContent(ChatBody.Create("a ticket").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-key", SimulatorFactory.ApiKey);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.SendAsync(request, abort.Token));

        var stats = await WaitForAsync(client, s => s.GetProperty("failed").GetInt64() == 1);
        Assert.Equal(1, stats.GetProperty("failed").GetInt64());
        Assert.Equal(0, stats.GetProperty("succeeded").GetInt64());
    }

    private static async Task<JsonElement> WaitForAsync(SimulatorClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var stats = await client.StatsAsync();
            if (condition(stats) || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(50);
        }
    }

    private static long Usage(JsonElement completion, string name) => completion.GetProperty("usage").GetProperty(name).GetInt64();
}
