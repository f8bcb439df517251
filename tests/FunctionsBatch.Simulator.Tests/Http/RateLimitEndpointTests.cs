using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.Http;

public sealed class RateLimitEndpointTests
{
    private const string User = "Where do I change my invoice address?";
    private const int MaxTokens = 100;

    private static int Cost => ChatTokenCounter.CountPromptTokens([new ChatMessageText("system", ChatBody.System), new ChatMessageText("user", User)]) + MaxTokens;

    [Fact]
    public async Task PostChatCompletion_TokensPerMinuteExhausted_Returns429WithRetryHeaders()
    {
        var time = new ManualTimeProvider();
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:DefaultTokensPerMinute"] = "600", ["Simulator:RateLimitShape"] = "Bucket" }, time);
        using var client = factory.CreateSimulatorClient();
        var admitted = 600 / Cost;
        for (var i = 0; i < admitted; i++)
        {
            using var ok = await client.PostChatAsync(ChatBody.Create(User, MaxTokens));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal((600 - ((i + 1) * Cost)).ToString(CultureInfo.InvariantCulture), Header(ok, "x-ratelimit-remaining-tokens"));
        }

        using var throttled = await client.PostChatAsync(ChatBody.Create(User, MaxTokens));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var deficit = Cost - (600 - (admitted * Cost));
        var expectedMs = (long)Math.Ceiling(deficit / 10.0 * 1000);
        Assert.Equal(expectedMs.ToString(CultureInfo.InvariantCulture), Header(throttled, "retry-after-ms"));
        var expectedSeconds = Math.Max(1, (long)Math.Ceiling(expectedMs / 1000.0));
        Assert.Equal(expectedSeconds.ToString(CultureInfo.InvariantCulture), Header(throttled, "Retry-After"));
        var error = (await SimulatorClient.ReadJsonAsync(throttled)).GetProperty("error");
        Assert.Equal("429", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.Contains($"API version {SimulatorClient.ApiVersion} have exceeded token rate limit", message, StringComparison.Ordinal);
        Assert.Contains($"Please retry after {expectedSeconds} second", message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMilliseconds(expectedMs));
        using var afterWait = await client.PostChatAsync(ChatBody.Create(User, MaxTokens));
        Assert.Equal(HttpStatusCode.OK, afterWait.StatusCode);
    }

    [Fact]
    public async Task PostChatCompletion_RequestsPerMinuteExhaustedOnOneDeployment_ThrottlesOnlyThatDeployment()
    {
        var time = new ManualTimeProvider();
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:Deployments:small:RequestsPerMinute"] = "2", ["Simulator:RateLimitShape"] = "Bucket" }, time);
        using var client = factory.CreateSimulatorClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostChatAsync(ChatBody.Create(User), "small");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var throttled = await client.PostChatAsync(ChatBody.Create(User), "small");
        using var other = await client.PostChatAsync(ChatBody.Create(User), "large");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("30000", Header(throttled, "retry-after-ms"));
        Assert.Equal("30", Header(throttled, "Retry-After"));
        Assert.Equal("0", Header(throttled, "x-ratelimit-remaining-requests"));
        Assert.Contains("call rate limit", (await SimulatorClient.ReadJsonAsync(throttled)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PostChatCompletion_OpenAIHeaderShape_SendsLimitAndResetBesideRemaining()
    {
        var time = new ManualTimeProvider();
        using var factory = new SimulatorFactory(new Dictionary<string, string?>
        {
            ["Simulator:DefaultTokensPerMinute"] = "60000",
            ["Simulator:DefaultRequestsPerMinute"] = "600",
            ["Simulator:RateLimitHeaders"] = "OpenAI",
        }, time);
        using var client = factory.CreateSimulatorClient();

        using var ok = await client.PostChatAsync(ChatBody.Create(User, MaxTokens));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("60000", Header(ok, "x-ratelimit-limit-tokens"));
        Assert.Equal("600", Header(ok, "x-ratelimit-limit-requests"));
        Assert.Equal((10_000 - Cost).ToString(CultureInfo.InvariantCulture), Header(ok, "x-ratelimit-remaining-tokens"));
        Assert.Equal("99", Header(ok, "x-ratelimit-remaining-requests"));
        Assert.Equal("10s", Header(ok, "x-ratelimit-reset-tokens"));
    }

    [Fact]
    public async Task PostSimConfig_LimitsChangedAtRunTime_AppliesWithoutRestart()
    {
        using var factory = new SimulatorFactory(time: new ManualTimeProvider());
        using var client = factory.CreateSimulatorClient();

        using var limit = await client.Http.PostAsJsonAsync("/sim/config", new { defaultRequestsPerMinute = 1 });
        using var first = await client.PostChatAsync(ChatBody.Create(User));
        using var second = await client.PostChatAsync(ChatBody.Create(User));
        using var unlimit = await client.Http.PostAsJsonAsync("/sim/config", new { defaultRequestsPerMinute = 0 });
        using var third = await client.PostChatAsync(ChatBody.Create(User));

        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.False(third.Headers.Contains("x-ratelimit-remaining-requests"));
    }

    [Theory]
    [InlineData("""{"latencyMs":-1}""")]
    [InlineData("""{"latncyMs":5}""")]
    [InlineData("not json")]
    public async Task PostSimConfig_InvalidBody_Returns400AndKeepsConfig(string body)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.CreateSimulatorClient();

        using var response = await client.Http.PostAsync(new Uri("/sim/config", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var config = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/sim/config");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, config.GetProperty("latencyMs").GetInt32());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
