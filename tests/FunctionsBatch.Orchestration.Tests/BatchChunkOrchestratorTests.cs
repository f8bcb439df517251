using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Batch;
using FunctionsBatch.Orchestration.Tests.Fakes;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests;

/// <summary><see cref="BatchChunkOrchestrator"/> on the in-memory durable host: timers, quota waits, resubmission and cancel.</summary>
public sealed class BatchChunkOrchestratorTests
{
    private static readonly BatchOptions FastPolling = BatchOptions.Default with
    {
        PollInitial = TimeSpan.FromMilliseconds(50),
        PollMax = TimeSpan.FromMilliseconds(200),
        QuotaWait = TimeSpan.FromMilliseconds(50),
    };

    private readonly FakeBatchProcessor _processor = new();
    private readonly FakeBatchModelClient _client = new();

    [Fact]
    public async Task RunAsync_QuotaFullTwice_WaitsThenSubmitsPollsUntilDoneAndSendsLeftoversOnline()
    {
        _processor.OnSubmit = r => r.Attempt < 2 ? FakeBatchProcessor.QuotaFull() : FakeBatchProcessor.Submitted("b1");
        _processor.OnCollect = r => new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 7, 3), 3);
        _client.PollsUntilDone = 4;

        var result = await RunAsync(() => new BatchChunkInput("run", FastPolling, 2, null));

        Assert.Equal((1, 2, false), (result.Batches, result.QuotaWaits, result.Canceled));
        Assert.Equal([0, 1, 2], _processor.Submits.Select(s => s.Attempt));
        Assert.Equal(4, _client.ReadsOf("b1"));
        var collect = Assert.Single(_processor.Collects);
        Assert.Equal(("b1", BatchStatuses.Completed, false, false), (collect.Batch.Id, collect.Batch.Status, collect.Canceled, collect.CutOff));
        Assert.Equal(new BatchLeftoversRef("run", 2, 1), Assert.Single(_processor.OnlineLeftovers));
        Assert.Equal((10, 10, 0), (result.Totals.All.Records, result.Totals.All.Succeeded, result.Totals.All.Failed));
        Assert.Equal((7, 3), (result.Totals.Counters.Batch.Succeeded, result.Totals.Counters.Online.Succeeded));
    }

    [Fact]
    public async Task RunAsync_ResubmitInBatch_SendsLeftoversInNewBatchesThenOnlineAfterMaxResubmits()
    {
        _processor.OnCollect = r => new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 5, 2), 2);
        _client.PollsUntilDone = 1;

        var result = await RunAsync(() => new BatchChunkInput("run", FastPolling with { Resubmit = BatchResubmit.Batch, MaxResubmits = 2 }, 0, null));

        Assert.Equal([0, 1, 2], _processor.Submits.Select(s => s.Round));
        Assert.Equal(3, result.Batches);
        Assert.Equal(new BatchLeftoversRef("run", 0, 3), Assert.Single(_processor.OnlineLeftovers));
    }

    [Fact]
    public async Task RunAsync_ServiceFailsTheBatchForItsQuota_WaitsAndSubmitsTheSameRoundAgain()
    {
        var submits = 0;
        _processor.OnSubmit = r => FakeBatchProcessor.Submitted(Interlocked.Increment(ref submits) == 1 ? "refused" : "accepted");
        _client.PollsUntilDone = 1;
        var refused = true;
        _client.FinalStatus = BatchStatuses.Failed;
        _processor.OnCollect = r =>
        {
            refused = false;
            return new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 10, 0), 0);
        };

        await using var host = await StartHostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BatchChunkOrchestrator), new BatchChunkInput("run", FastPolling, 0, null));
        await WaitUntilAsync(() => _client.ReadsOf("refused") > 0);
        _client.FinalStatus = BatchStatuses.Completed;
        var result = await CompleteAsync(host, id);

        Assert.Equal([(0, 0), (0, 1)], _processor.Submits.Select(s => (s.Round, s.Attempt)));
        Assert.Equal("accepted", Assert.Single(_processor.Collects).Batch.Id);
        Assert.False(refused);
        Assert.Equal((2, 1), (result.Batches, result.QuotaWaits));
    }

    [Fact]
    public async Task RunAsync_CancelWhileTheBatchRuns_CancelsTheRemoteBatchAndCollectsWhatItAnswered()
    {
        _client.PollsUntilDone = int.MaxValue;
        await using var host = await StartHostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BatchChunkOrchestrator), new BatchChunkInput("run", FastPolling, 0, null));
        await WaitUntilAsync(() => _client.ReadsOf("batch-0-0") >= 2);

        await host.Client.RaiseEventAsync(id, RunEvents.Cancel, "requested");
        var result = await CompleteAsync(host, id);

        Assert.Equal("batch-0-0", Assert.Single(_client.Cancels));
        var collect = Assert.Single(_processor.Collects);
        Assert.Equal((BatchStatuses.Cancelled, true), (collect.Batch.Status, collect.Canceled));
        Assert.True(result.Canceled);
        Assert.Empty(_processor.OnlineLeftovers);
    }

    [Fact]
    public async Task RunAsync_CutoffPassesWhileTheBatchRuns_CancelsItAndFinishesTheRestOnline()
    {
        _client.PollsUntilDone = int.MaxValue;
        _processor.OnCollect = r => new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 4, 6), 6);

        var result = await RunAsync(() => new BatchChunkInput("run", FastPolling, 0, DateTime.UtcNow.AddSeconds(3)));

        Assert.Equal("batch-0-0", Assert.Single(_client.Cancels));
        Assert.Equal((true, false), (Assert.Single(_processor.Collects).CutOff, result.Canceled));
        Assert.Equal(new BatchLeftoversRef("run", 0, 1), Assert.Single(_processor.OnlineLeftovers));
    }

    [Fact]
    public async Task RunAsync_QuotaStaysFullPastTheCutoff_SendsTheChunkOnlineWithoutABatch()
    {
        _processor.OnSubmit = _ => FakeBatchProcessor.QuotaFull();

        var result = await RunAsync(() => new BatchChunkInput("run", FastPolling, 1, DateTime.UtcNow.AddMilliseconds(500)));

        Assert.Equal(new BatchLeftoversRef("run", 1, 0), Assert.Single(_processor.OnlineLeftovers));
        Assert.True(_processor.Submits.Count >= 2, "it never waited for the quota");
        Assert.Equal((0, false, 3), (result.Batches, result.Canceled, result.Totals.Counters.Online.Succeeded));
        Assert.Empty(_processor.Collects);
    }

    /// <summary>Builds the input once the host is up, so a cut-off it sets counts from the start of the orchestration, not of the host.</summary>
    private async Task<BatchChunkResult> RunAsync(Func<BatchChunkInput> input)
    {
        await using var host = await StartHostAsync();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BatchChunkOrchestrator), input());
        return await CompleteAsync(host, id);
    }

    private static Task<BatchChunkResult> CompleteAsync(OrchestrationHost host, string id) => host.WaitForOutputAsync<BatchChunkResult>(id);

    /// <summary>The whole durable test host; these tests schedule only the batch chunk orchestration, which never runs a chunk online by itself.</summary>
    private Task<OrchestrationHost> StartHostAsync() => OrchestrationHost.StartAsync(
        new FakeRunStaging(),
        new FakeChunkProcessor((_, _) => throw new InvalidOperationException("a batch chunk sends its leftovers online through the batch processor")),
        new FakeRunCostStore(),
        _processor,
        _client);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the orchestration never got there");
            await Task.Delay(20);
        }
    }
}
