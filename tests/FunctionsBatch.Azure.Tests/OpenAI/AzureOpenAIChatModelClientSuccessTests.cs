using System.Text.Json;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Core.Validation;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Generation;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>The real Azure.AI.OpenAI client against the simulator on a real port: the happy path.</summary>
public sealed class AzureOpenAIChatModelClientSuccessTests
{
    [Fact]
    public async Task CompleteAsync_PlainText_ReturnsSimulatorContentAndTokenCounts()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));
        var request = ChatRequests.Text(ChatRequests.Ticket());

        var result = await client.CompleteAsync(request, CancellationToken.None);
        var stats = await simulator.StatsAsync();

        var expected = CompletionGenerator.Generate(new ChatRequest(request.Messages, request.MaxOutputTokens, ResponseFormatKind.Text, null));
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected.Content, result.Content);
        Assert.Equal(ChatTokenCounter.CountPromptTokens(request.Messages), result.Usage.PromptTokens);
        Assert.Equal(ChatTokenCounter.CountText(result.Content), result.Usage.CompletionTokens);
        Assert.Equal(0, result.Usage.CachedTokens);
        Assert.Equal(stats.GetProperty("promptTokens").GetInt64(), result.Usage.PromptTokens);
        Assert.Equal(stats.GetProperty("completionTokens").GetInt64(), result.Usage.CompletionTokens);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(0, result.Throttled);
        Assert.Equal(200, result.HttpStatus);
        Assert.Null(result.ErrorCode);
    }

    [Fact]
    public async Task CompleteAsync_JsonSchemaRequested_ReturnsObjectValidAgainstSchema()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));
        var request = ChatRequests.Classification(ChatRequests.Ticket());

        var result = await client.CompleteAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Null(new OutputSchemaValidator(request.ResponseSchema!.Value).Check(result.Content));
        using var output = JsonDocument.Parse(result.Content!);
        Assert.Equal(JsonValueKind.Object, output.RootElement.ValueKind);
        Assert.Equal(
            ["category", "priority", "summary"],
            output.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ChatTokenCounter.CountText(result.Content), result.Usage.CompletionTokens);
    }

    [Fact]
    public async Task CompleteAsync_MaxOutputTokensReached_ReturnsTruncatedContentWithinLimit()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var client = ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress));
        var request = ChatRequests.Text(ChatRequests.Ticket(), maxOutputTokens: 3);

        var result = await client.CompleteAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(3, result.Usage.CompletionTokens);
        Assert.Equal(3, ChatTokenCounter.CountText(result.Content));
    }
}
