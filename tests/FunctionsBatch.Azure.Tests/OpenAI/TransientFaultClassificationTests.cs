using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>The first answer to each transient fault, seen by the SDK adapter alone (no retries): a retryable failed result with its code.</summary>
public sealed class TransientFaultClassificationTests
{
    [Theory]
    [InlineData("[[THROTTLE-ONCE]]", RecordErrorCodes.Throttled, 429, false)]
    [InlineData("[[TRUNCATE-ONCE]]", RecordErrorCodes.MalformedResponse, 200, true)]
    [InlineData("[[RESET-ONCE]]", RecordErrorCodes.ConnectionFailed, null, true)]
    [InlineData("[[SLOW-ONCE]]", RecordErrorCodes.Timeout, null, true)]
    public async Task CompleteAsync_TransientMarker_ReturnsRetryableFailureWithCode(string marker, string code, int? status, bool lostInTransit)
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Faults:SlowMs"] = "8000" });
        var client = ModelClients.SingleAttempt(ModelClients.Settings(simulator.BaseAddress, timeoutSeconds: 2));
        var request = ChatRequests.Text(ChatRequests.Ticket(marker));

        var result = await client.CompleteAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(status, result.HttpStatus);
        Assert.Null(result.Content);
        // A refusal is not billed; an answer lost on the way is, estimated as Azure charges a call at admission.
        var estimate = lostInTransit ? new TokenUsage(ChatTokenCounter.CountPromptTokens(request.Messages), 0, request.MaxOutputTokens) : TokenUsage.Zero;
        Assert.Equal(estimate, result.Usage);
        Assert.Equal(estimate.TotalTokens, result.Waste?.LostInTransit ?? 0);
    }

    [Fact]
    public async Task CompleteAsync_AnswerWithUsageButNoChoices_CountsItsUsageAsUnreadableWaste()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.SingleAttempt(ModelClients.Settings(simulator.BaseAddress));
        var request = ChatRequests.Text(ChatRequests.Ticket("[[NO-CHOICES-ONCE]]"));

        var result = await client.CompleteAsync(request, CancellationToken.None);

        Assert.Equal((false, true, RecordErrorCodes.MalformedResponse, (int?)200), (result.Succeeded, result.Retryable, result.ErrorCode, result.HttpStatus));
        Assert.Equal(ChatTokenCounter.CountPromptTokens(request.Messages), result.Usage.PromptTokens);
        Assert.True(result.Usage.CompletionTokens > 0);
        Assert.Equal(new TokenWaste(Unreadable: result.Usage.TotalTokens), result.Waste);
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
