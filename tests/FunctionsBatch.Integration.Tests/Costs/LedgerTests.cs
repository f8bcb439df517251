using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Costs;

/// <summary>The record ledger: a nightly run over a mostly unchanged input pays only for what changed.</summary>
public sealed class LedgerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(LedgerTests));

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Runs_SameThenHundredChangedRecords_SecondSpendsNothingThirdPaysOnlyForTheChanged()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl");
        var first = await RunAsync(records);
        var second = await RunAsync(records);
        var changed = records.Select((r, i) =>
        {
            var copy = r.DeepClone().AsObject();
            if (i % 20 == 0)
            {
                copy["body"] = $"{copy["body"]!.GetValue<string>()} (update: still happening today)";
            }

            return copy;
        }).ToArray();
        var third = await RunAsync(changed);
        output.WriteLine($"prompt tokens: first {first.Tokens}, second {second.Tokens}, third {third.Tokens}; requests {first.Requests}/{second.Requests}/{third.Requests}");

        Assert.Equal((2000, 0L), (first.Requests, first.LedgerHits));
        Assert.Equal((0, 0L, 2000L, 0L), (second.Requests, second.Tokens, second.LedgerHits, second.CostMicros));
        Assert.Equal((100, 1900L), (third.Requests, third.LedgerHits));
        Assert.True(third.Tokens > 0);
        Assert.Equal(third.SimulatorPromptTokens, third.Tokens);
        Assert.All(new[] { first, second, third }, run => Assert.Equal(2000, run.Succeeded));

        var reprocessSpec = JobSpecs.Classify(chunkSize: 100, maxParallelChunks: 4);
        reprocessSpec["reprocess"] = true;
        var forced = await RunAsync(records.Take(100).ToArray(), reprocessSpec);
        Assert.Equal((100, 0L), (forced.Requests, forced.LedgerHits));
    }

    private async Task<RunNumbers> RunAsync(IReadOnlyList<JsonObject> records, JsonObject? spec = null)
    {
        await _stack.Simulator.PostAsync(new Uri("/sim/reset", UriKind.Relative), null);
        var body = new JsonObject { ["records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()) };
        if (spec is null)
        {
            body["job"] = "classify-tickets";
        }
        else
        {
            body["spec"] = spec;
        }

        var runId = await RunsClient.StartAsync(_stack.Http, body);
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(4));
        var cost = await ResultRows.CostAsync(_stack, runId);
        var sim = await _stack.SimulatorStatsAsync();
        return new RunNumbers(
            status.GetProperty("progress").GetProperty("succeeded").GetInt32(),
            sim.GetProperty("requests").GetInt64(),
            cost.InputTokens,
            cost.LedgerHits,
            cost.CostMicros,
            sim.GetProperty("promptTokens").GetInt64());
    }

    private sealed record RunNumbers(int Succeeded, long Requests, long Tokens, long LedgerHits, long CostMicros, long SimulatorPromptTokens);
}
