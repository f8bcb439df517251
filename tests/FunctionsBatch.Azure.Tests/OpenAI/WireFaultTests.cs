using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.AspNetCore.Http;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>
/// Wire-level misbehaviour beyond the simulator's faults, from a hand-written server: the SDK throws types the
/// adapter must turn into retryable failed results (a raw IOException, InvalidOperationException,
/// ArgumentOutOfRangeException, or getters that would throw on a body without choices).
/// </summary>
public sealed class WireFaultTests
{
    [Fact]
    public async Task CompleteAsync_ConnectionResetMidBody_ReturnsRetryableConnectionFailed()
    {
        await using var stub = await StubModelServer.StartAsync((context, _) => StubAnswers.ResetMidBodyAsync(context));
        var client = ModelClients.SingleAttempt(ModelClients.Settings(stub.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.ConnectionFailed, result.ErrorCode);
        Assert.Null(result.HttpStatus);
    }

    [Fact]
    public async Task CompleteAsync_BodyStallsPastTimeout_ReturnsRetryableTimeout()
    {
        await using var stub = await StubModelServer.StartAsync((context, _) => StubAnswers.StallMidBodyAsync(context));
        var client = ModelClients.SingleAttempt(ModelClients.Settings(stub.BaseAddress, timeoutSeconds: 1));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.Timeout, result.ErrorCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}""")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":null}""")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":null,"message":{"role":"assistant","content":"hi"}}]}""")]
    public async Task CompleteAsync_OkWithUnreadableBody_ReturnsRetryableMalformedResponse(string body)
    {
        await using var stub = await StubModelServer.StartAsync((context, _) => StubAnswers.WriteAsync(context, body));
        var client = ModelClients.SingleAttempt(ModelClients.Settings(stub.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.MalformedResponse, result.ErrorCode);
        Assert.Equal(200, result.HttpStatus);
    }

    [Fact]
    public async Task CompleteAsync_ConnectionResetMidBodyOnce_RetriedToSuccess()
    {
        await using var stub = await StubModelServer.StartAsync((context, n) =>
            n == 1 ? StubAnswers.ResetMidBodyAsync(context) : StubAnswers.WriteAsync(context, StubAnswers.Completion));
        var client = ModelClients.Retrying(ModelClients.Settings(stub.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(StubAnswers.Content, result.Content);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, stub.Requests);
    }

    [Fact]
    public async Task CompleteAsync_AlwaysMalformed_FailsAfterMaxAttempts()
    {
        await using var stub = await StubModelServer.StartAsync((context, _) => StubAnswers.WriteAsync(context, "{}"));
        var client = ModelClients.Retrying(ModelClients.Settings(stub.BaseAddress, maxAttempts: 3));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(RecordErrorCodes.MalformedResponse, result.ErrorCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, stub.Requests);
        Assert.DoesNotContain("retry budget", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_ContentFilterFinishReason_FailsWithoutRetryKeepingUsage()
    {
        var filtered = StubAnswers.Completion.Replace("\"stop\"", "\"content_filter\"", StringComparison.Ordinal);
        await using var stub = await StubModelServer.StartAsync((context, _) => StubAnswers.WriteAsync(context, filtered));
        var client = ModelClients.Retrying(ModelClients.Settings(stub.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text("hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(RecordErrorCodes.ContentFilter, result.ErrorCode);
        Assert.Equal(1, stub.Requests);
        Assert.Equal(7, result.Usage.TotalTokens);
    }
}
