using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>The first answer to each transient fault, seen by the SDK adapter alone (no retries): a retryable failed result with its code.</summary>
public sealed class TransientFaultClassificationTests
{
    [Theory]
    [InlineData("[[THROTTLE-ONCE]]", RecordErrorCodes.Throttled, 429)]
    [InlineData("[[TRUNCATE-ONCE]]", RecordErrorCodes.MalformedResponse, 200)]
    [InlineData("[[RESET-ONCE]]", RecordErrorCodes.ConnectionFailed, null)]
    [InlineData("[[SLOW-ONCE]]", RecordErrorCodes.Timeout, null)]
    public async Task CompleteAsync_TransientMarker_ReturnsRetryableFailureWithCode(string marker, string code, int? status)
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "8000" });
        var client = ModelClients.SingleAttempt(ModelClients.Settings(simulator.BaseAddress, timeoutSeconds: 2));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket(marker)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(status, result.HttpStatus);
        Assert.Null(result.Content);
        Assert.Equal(0, result.Usage.TotalTokens);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CompleteAsync_ServerError_ReturnsRetryableServerError(int status)
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:ServerErrorStatus"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = ModelClients.SingleAttempt(ModelClients.Settings(simulator.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[FAIL-ONCE]]")), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(RecordErrorCodes.ServerError, result.ErrorCode);
        Assert.Equal(status, result.HttpStatus);
    }

    [Fact]
    public async Task CompleteAsync_Throttled_CarriesServerRetryAfterAndMessage()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:RetryAfterMs"] = "1234" });
        var client = ModelClients.SingleAttempt(ModelClients.Settings(simulator.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[THROTTLE-ONCE]]")), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(1234), result.RetryAfter);
        Assert.Equal(1, result.Throttled);
        Assert.Contains("exceeded token rate limit", result.ErrorMessage, StringComparison.Ordinal);
    }
}
