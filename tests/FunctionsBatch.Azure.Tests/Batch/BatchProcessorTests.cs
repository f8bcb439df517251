using System.Text.Json;
using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Batch;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsBatch.Azure.Tests.Batch;

/// <summary>
/// The batch processor's own logic, with the real Batch API client against the simulator on a port: what it settles
/// before submitting (the same checks and reasons as online), what it sends, and how it reads a finished batch back.
/// </summary>
public sealed class BatchProcessorTests
{
    private const string Schema = """{"type":"object","properties":{"category":{"type":"string"}},"required":["category"],"additionalProperties":false}""";

    [Fact]
    public async Task SubmitThenCollect_MixedChunk_SettlesWhatCannotBeSentAnswersTheRestAndPricesAtTheBatchPrice()
    {
        await using var simulator = await SimulatorServer.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Batch:ValidationDelayMs"] = "0",
            ["Simulator:Batch:CompletionDelayMs"] = "200",
        });
        var spec = Spec(maxOutputTokens: 50);
        string[] bodies = ["printer jams", "cannot log in", "[[BATCH-FAIL]] refund please", "app crashes", string.Join(" ", Enumerable.Range(0, 150).Select(i => $"word{i}"))];
        var records = bodies.Select((body, i) => Record($"T-{i}", body)).Append(JsonSerializer.SerializeToElement(new { id = "T-missing" })).ToArray();
        var (processor, store, staging) = Processor(simulator, spec, records, contextWindow: 150);

        var submit = await processor.SubmitAsync(new BatchSubmitRequest("run-b", 2, 0, 0), CancellationToken.None);

        // The record without a body and the one too long for the context window never reach the Batch API; the same
        // reasons as online.
        Assert.Equal(4, submit.Lines);
        Assert.Equal((2, 0, 2), (submit.Settled!.Counters.Records, submit.Settled.Counters.Succeeded, submit.Settled.Counters.Failed));
        Assert.Equal(RecordErrorCodes.MissingField, store.Rows.Single(r => r.RecordId == "T-missing").ErrorCode);
        Assert.Equal(RecordErrorCodes.ContextLengthExceeded, store.Rows.Single(r => r.RecordId == "T-4").ErrorCode);
        Assert.Equal(RunModes.Batch, store.Rows.Single(r => r.RecordId == "T-4").Mode);
        Assert.True(staging.Reserved.Values.Single() > 0);

        var batch = await WaitAsync(BatchModelClientFactory.Create(Settings(simulator)), submit.Batch!);
        var collected = await processor.CollectAsync(new BatchCollectRequest("run-b", 2, 0, batch, Canceled: false, CutOff: false), CancellationToken.None);

        // Three lines answered; the line the service failed goes round again, and gets no row yet.
        var summary = collected.Summary;
        Assert.Equal((3, 3, 0, 1), (summary.Counters.Records, summary.Counters.Succeeded, summary.Counters.Failed, collected.Leftovers));
        Assert.Equal((4, 1, 1), (summary.Counters.Requests, summary.Counters.FailedLines, summary.Counters.ResubmittedLines));
        Assert.DoesNotContain(store.Rows, r => r.RecordId == "T-2");
        Assert.Equal(CostCalculator.MicroDollars(summary.Counters.Usage, PriceTable.Default.For("gpt-4o-mini", RunModes.Batch)), summary.Counters.CostMicros);
        Assert.True(summary.Counters.CostMicros > 0);
        Assert.All(store.Rows.Where(r => r.Status == RecordStatus.Succeeded), r => Assert.Equal(RunModes.Batch, r.Mode));
        Assert.Empty(staging.Reserved);
        Assert.Equal([2], await staging.GetLeftoversAsync("run-b", 2, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Submit_SameRoundAgain_ReturnsTheFirstSubmissionWithoutASecondBatch()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var (processor, _, _) = Processor(simulator, Spec(maxOutputTokens: 50), [Record("T-0", "printer jams")], contextWindow: 128_000);
        var request = new BatchSubmitRequest("run-b", 0, 0, 0);

        var first = await processor.SubmitAsync(request, CancellationToken.None);
        var again = await processor.SubmitAsync(request, CancellationToken.None);

        Assert.Equal(first.Batch!.Id, again.Batch!.Id);
        Assert.Equal(1, (await simulator.StatsAsync()).GetProperty("batch").GetProperty("created").GetInt64());
    }

    private static (BatchProcessor Processor, InMemoryRunStore Store, InMemoryBatchStaging Staging) Processor(
        SimulatorServer simulator, JobSpec spec, IReadOnlyList<JsonElement> records, int contextWindow)
    {
        var store = new InMemoryRunStore(spec, records);
        var staging = new InMemoryBatchStaging();
        var limits = new ModelLimits(new Dictionary<string, int> { ["gpt-4o-mini"] = contextWindow });
        var online = new ChunkProcessor(store, ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress)), store, store, store, PriceTable.Default, limits,
            NullLogger<ChunkProcessor>.Instance);
        var processor = new BatchProcessor(store, staging, BatchModelClientFactory.Create(Settings(simulator)), store, store, store, staging,
            new EnqueuedTokenQuotas(new Dictionary<string, long> { ["gpt-4o-mini"] = 5_000_000 }), limits, PriceTable.Default, online, NullLogger<BatchProcessor>.Instance);
        return (processor, store, staging);
    }

    private static async Task<BatchJob> WaitAsync(IBatchModelClient client, BatchJob batch)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!batch.IsTerminal && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            batch = await client.GetAsync(batch.Id, CancellationToken.None);
        }

        Assert.Equal(BatchStatuses.Completed, batch.Status);
        return batch;
    }

    private static OpenAISettings Settings(SimulatorServer simulator) => new() { Endpoint = simulator.BaseAddress.ToString(), ApiKey = SimulatorServer.ApiKey };

    private static JsonElement Record(string id, string body) => JsonSerializer.SerializeToElement(new { id, body });

    private static JobSpec Spec(int maxOutputTokens) => JobSpecParser.Parse($$"""
        {
          "name": "batch-unit", "model": "gpt-4o-mini", "promptVersion": "t-1", "mode": "batch",
          "prompt": { "system": "Classify the ticket.", "user": "{{"{{"}}body{{"}}"}}" },
          "maxOutputTokens": {{maxOutputTokens}}, "responseSchema": {{Schema}},
          "tags": { "tenant": "contoso", "feature": "batch-test" }
        }
        """);
}
