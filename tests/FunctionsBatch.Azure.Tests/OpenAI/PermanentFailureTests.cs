using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>Answers that no retry can fix fail the record at once, with their reason and a single request to the server.</summary>
public sealed class PermanentFailureTests
{
    [Fact]
    public async Task CompleteAsync_ContentFilterMarker_FailsContentFilterWithoutRetry()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket("[[BLOCK]]")), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(RecordErrorCodes.ContentFilter, result.ErrorCode);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("The response was filtered", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await simulator.RequestsAsync());
    }

    [Fact]
    public async Task CompleteAsync_WrongApiKey_FailsUnauthorizedWithoutRetry()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress, apiKey: "not-the-key"));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(RecordErrorCodes.Unauthorized, result.ErrorCode);
        Assert.Equal(401, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("Access denied due to invalid subscription key", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await simulator.RequestsAsync());
    }

    [Fact]
    public async Task CompleteAsync_PromptBeyondContextWindow_FailsContextLengthExceededWithoutRetry()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:ContextWindow"] = "100" });
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));
        var longTicket = ChatRequests.Ticket() + string.Concat(Enumerable.Repeat(" The invoice shows the same charge again.", 20));

        var result = await client.CompleteAsync(ChatRequests.Text(longTicket, maxOutputTokens: 50), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(RecordErrorCodes.ContextLengthExceeded, result.ErrorCode);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("maximum context length is 100 tokens", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await simulator.RequestsAsync());
    }

    [Fact]
    public async Task CompleteAsync_EndpointPathAnswers404_FailsDeploymentNotFoundWithoutRetry()
    {
        // The simulator serves any deployment name, so a 404 comes from an endpoint with a wrong base path instead.
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(new Uri(simulator.BaseAddress, "/not-a-resource/")));

        var result = await client.CompleteAsync(ChatRequests.Text(ChatRequests.Ticket()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(RecordErrorCodes.NotFound, result.ErrorCode);
        Assert.Equal(404, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("Resource not found", result.ErrorMessage);
    }
}
