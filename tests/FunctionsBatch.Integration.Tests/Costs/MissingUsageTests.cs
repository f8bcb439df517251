using System.Text.Json;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Costs;

/// <summary>
/// A server that answers without <c>usage</c> (as some OpenAI-compatible ones do) still bills: its answers are counted
/// with the tokenizer, never as 0 tokens and $0, and marked as estimated on the rows, the cost row and the status.
/// </summary>
public sealed class MissingUsageTests : IAsyncLifetime
{
    private const int Records = 40;

    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(MissingUsageTests), simulatorSettings: new Dictionary<string, string>(BatchSpecs.FastSimulator()) { ["Simulator__OmitUsage"] = "true" });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Theory]
    [InlineData("online")]
    [InlineData("batch")]
    public async Task Run_ServerSendsNoUsage_CountsTheTokensTheSimulatorSawAndMarksThemEstimated(string mode)
    {
        var (runId, status) = await RunsClient.RunSampleAsync(_stack.Http, BatchSpecs.ClassifyIn(mode, chunkSize: 10, maxParallelChunks: 4), Records, TimeSpan.FromMinutes(3));

        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        var sim = await _stack.SimulatorStatsAsync();
        var billed = mode == "batch" ? sim.GetProperty("batch") : sim;
        var cost = await ResultRows.CostAsync(_stack, runId);
        // The tokenizer counts the prompt exactly and the completion from its text, as the simulator does.
        Assert.Equal((Tokens(billed, "promptTokens"), Tokens(billed, "completionTokens")), (cost.InputTokens, cost.OutputTokens));
        Assert.True(cost.CostMicros > 0, "answers without usage were priced at $0");
        Assert.Equal(Records, cost.EstimatedUsage);
        Assert.Equal(Records, status.GetProperty("progress").GetProperty("estimatedUsage").GetInt32());
        Assert.All(await ResultRows.ReadAsync(_stack, runId), r => Assert.True(r.UsageEstimated));
    }

    private static long Tokens(JsonElement stats, string name) => stats.GetProperty(name).GetInt64();
}
