using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Costs;

/// <summary>
/// Answers cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>) are counted end to end: on the status
/// answer, the cost rows, the costs report and the run report, online and through the Batch API.
/// </summary>
public sealed class TruncatedAnswersTests : IAsyncLifetime
{
    private const int Records = 30;

    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(TruncatedAnswersTests), simulatorSettings: BatchSpecs.FastSimulator());

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Theory]
    [InlineData("online")]
    [InlineData("batch")]
    public async Task Run_MaxOutputTokensTooSmallForTheAnswers_CountsEveryTruncatedAnswerOnStatusCostRowsAndReport(string mode)
    {
        // Plain text answers: the simulator's sentences are longer than 4 tokens, so every one is cut off. Half the
        // records get room enough in a second run that is not truncated, to show the counter is not just the record count.
        var cut = await RunAsync(mode, maxOutputTokens: 4, take: Records);
        var whole = await RunAsync(mode, maxOutputTokens: 400, take: Records / 2);

        Assert.Equal((Records, Records), (Truncated(cut.Status), cut.Status.GetProperty("progress").GetProperty("succeeded").GetInt32()));
        Assert.Equal(0, Truncated(whole.Status));
        var cutRow = await ResultRows.CostAsync(_stack, cut.RunId);
        Assert.Equal((Records, mode), (cutRow.Truncated, cutRow.Mode));
        var part = await _stack.Tables.GetTableClient("RunCosts").GetEntityAsync<FunctionsBatch.Azure.Storage.RunCostEntity>(cut.RunId, $"gpt-4o-mini|{mode}");
        Assert.Equal(Records, part.Value.Truncated);
        Assert.Equal(0, (await ResultRows.CostAsync(_stack, whole.RunId)).Truncated);

        var costs = await _stack.Http.GetFromJsonAsync<JsonElement>("/api/costs?groupBy=mode");
        var group = costs.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == mode);
        Assert.Equal(Records, group.GetProperty("truncated").GetInt32());

        var report = await _stack.Http.GetStringAsync(new Uri($"/api/runs/{cut.RunId}/report", UriKind.Relative));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"data-field=\"truncated\" data-value=\"{Records}\""), report, StringComparison.Ordinal);
    }

    private static int Truncated(JsonElement status) => status.GetProperty("progress").GetProperty("truncated").GetInt32();

    private async Task<(string RunId, JsonElement Status)> RunAsync(string mode, int maxOutputTokens, int take)
    {
        var spec = BatchSpecs.ClassifyIn(mode, chunkSize: 10, maxParallelChunks: 3);
        spec.Remove("responseSchema");
        spec["maxOutputTokens"] = maxOutputTokens;
        spec["tags"] = new JsonObject { ["tenant"] = "contoso", ["feature"] = "truncated-" + mode };
        var (runId, status) = await RunsClient.RunSampleAsync(_stack.Http, spec, take, TimeSpan.FromMinutes(3));
        Assert.Equal("Succeeded", status.GetProperty("outcome").GetString());
        return (runId, status);
    }
}
