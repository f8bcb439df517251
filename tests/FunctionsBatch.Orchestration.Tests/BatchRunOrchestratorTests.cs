using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration.Batch;
using FunctionsBatch.Orchestration.Tests.Fakes;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests;

/// <summary><see cref="BatchRunOrchestrator"/> on the in-memory durable host, with fake staging, chunk processing and cost store.</summary>
public sealed class BatchRunOrchestratorTests
{
    private readonly FakeRunStaging _staging = new();
    private readonly FakeRunCostStore _costs = new();

    [Fact]
    public async Task RunAsync_TenChunks_CompletesWithSummedCountsAndTokensAndPricesTheTotalOnce()
    {
        _staging.RecordCount = 95;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(
            Summaries.Chunk(chunk.ChunkIndex, records: chunk.ChunkIndex == 9 ? 5 : 10, failed: chunk.ChunkIndex % 4 == 0 ? 1 : 0)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var id = await host.StartRunAsync(Run("run-ten", chunkSize: 10, maxParallelChunks: 3) with { RetryOf = "run-nine" });
        var (summary, status) = await host.WaitForSummaryAsync(id);

        var chunks = processor.Returned;
        Assert.Equal(Enumerable.Range(0, 10), chunks.Select(c => c.ChunkIndex).Order());
        Assert.Equal((95, 92, 3, 0), (summary.TotalRecords, summary.All.Succeeded, summary.All.Failed, summary.Skipped));
        Assert.Equal(RunOutcome.CompletedWithFailures, summary.Outcome);
        Assert.Equal(chunks.Aggregate(TokenUsage.Zero, (total, c) => total + c.Counters.Usage), summary.All.Usage);
        Assert.Equal(chunks.Sum(c => c.Counters.Requests), summary.All.Requests);
        Assert.Equal(chunks.Sum(c => c.Counters.Throttled), summary.All.Throttled);
        // Chunk i used 1,000×(i+1) prompt tokens (100×i cached) and 50×(i+1) completion tokens: totals 55,000 / 4,500 / 2,750.
        // gpt-4o-mini, priced once on the total: 50,500 × 0.15 + 4,500 × 0.075 + 2,750 × 0.60 = 7,575 + 337.5 + 1,650 = 9,562.5 → 9,563 µ$.
        Assert.Equal(new TokenUsage(55_000, 4_500, 2_750), summary.All.Usage);
        Assert.Equal(9_563, summary.All.CostMicros);
        Assert.Equal(("classify-test", "gpt-4o-mini", "v1", "run-nine"), (summary.Job, summary.Model, summary.PromptVersion, summary.RetryOf));
        var row = Assert.Single(_costs.Upserts);
        Assert.Equal(
            (summary.RunId, summary.Outcome, summary.All.Succeeded, summary.All.Failed, summary.Skipped, summary.All.Requests, summary.All.Usage, summary.All.CostMicros, summary.RetryOf),
            (row.RunId, row.Outcome, row.All.Succeeded, row.All.Failed, row.Skipped, row.All.Requests, row.All.Usage, row.All.CostMicros, row.RetryOf));
        Assert.Equal("contoso", row.Tags["tenant"]);
        Assert.Equal((RunPhases.Done, 10, 10), (status.Phase, status.ChunksTotal, status.ChunksCompleted));
        Assert.Equal("run-ten", Assert.Single(_staging.StageRequests).RunId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task RunAsync_ManyChunks_NeverRunsMoreThanMaxParallelChunksAtOnce(int maxParallelChunks)
    {
        _staging.RecordCount = 100;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)))
        {
            Delay = TimeSpan.FromMilliseconds(150),
        };
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-window", chunkSize: 10, maxParallelChunks)));

        Assert.Equal(100, summary.All.Succeeded);
        Assert.Equal(10, processor.Attempts.Count);
        Assert.Equal(maxParallelChunks, processor.MaxConcurrency);
    }

    [Fact]
    public async Task RunAsync_WhileRunning_PublishesProgressAsCustomStatus()
    {
        _staging.RecordCount = 30;
        var staged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondChunk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _staging.BeforeStaged = staged.Task;
        var processor = new FakeChunkProcessor(async (chunk, _) =>
        {
            if (chunk.ChunkIndex == 1)
            {
                await secondChunk.Task;
            }

            return Summaries.Chunk(chunk.ChunkIndex, 10, failed: 2);
        });
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var id = await host.StartRunAsync(Run("run-progress", chunkSize: 10, maxParallelChunks: 1));

        await Eventually.TrueAsync(() => _staging.StageRequests.Count == 1, "staging has started");
        var staging = await host.WaitForStatusAsync(id, _ => true);
        staged.SetResult();
        var midway = await host.WaitForStatusAsync(id, s => s.ChunksCompleted == 1);
        secondChunk.SetResult();
        var (_, done) = await host.WaitForSummaryAsync(id);

        Assert.Equal(RunProgress.Starting, staging);
        var first = Summaries.Chunk(0, 10, failed: 2);
        Assert.Equal(
            (RunPhases.Processing, 30, 3, 1, 8, 2, first.Counters.Requests, first.Counters.Usage, first.Counters.CostMicros),
            (midway.Phase, midway.TotalRecords, midway.ChunksTotal, midway.ChunksCompleted, midway.Counters.Succeeded, midway.Counters.Failed, midway.Counters.Requests, midway.Counters.Usage, midway.Counters.CostMicros));
        Assert.Equal((RunPhases.Done, 3, 24, 6), (done.Phase, done.ChunksCompleted, done.Counters.Succeeded, done.Counters.Failed));
    }

    [Fact]
    public async Task RunAsync_CancelEventMidRun_FinishesInFlightChunksAndDispatchesNoMore()
    {
        _staging.RecordCount = 100;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new FakeChunkProcessor(async (chunk, _) =>
        {
            await release.Task;
            return Summaries.Chunk(chunk.ChunkIndex, 10);
        });
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var id = await host.StartRunAsync(Run("run-cancel", chunkSize: 10, maxParallelChunks: 2));

        await Eventually.TrueAsync(() => processor.Attempts.Count == 2, "two chunks are in flight");
        await host.Client.RaiseEventAsync(id, RunEvents.Cancel, "test");
        var canceling = await host.WaitForStatusAsync(id, s => s.Phase == RunPhases.Canceling);
        release.SetResult();
        var (summary, status) = await host.WaitForSummaryAsync(id);

        Assert.Equal(0, canceling.ChunksCompleted);
        Assert.Equal([0, 1], processor.Attempts.Select(c => c.ChunkIndex).Order());
        Assert.Equal((RunOutcome.Canceled, 100, 20, 0, 80), (summary.Outcome, summary.TotalRecords, summary.All.Succeeded, summary.All.Failed, summary.Skipped));
        Assert.Equal("canceled on request", summary.Reason);
        Assert.Equal(PricedTotal(processor.Returned), summary.All.CostMicros);
        var row = Assert.Single(_costs.Upserts);
        Assert.Equal((RunOutcome.Canceled, 80, summary.All.CostMicros), (row.Outcome, row.Skipped, row.All.CostMicros));
        Assert.Equal((RunPhases.Done, 2), (status.Phase, status.ChunksCompleted));
    }

    [Fact]
    public async Task RunAsync_CancelEventWhileStaging_DispatchesNoChunks()
    {
        _staging.RecordCount = 50;
        var staged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _staging.BeforeStaged = staged.Task;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var id = await host.StartRunAsync(Run("run-cancel-early", chunkSize: 10, maxParallelChunks: 2));

        await Eventually.TrueAsync(() => _staging.StageRequests.Count == 1, "staging has started");
        await host.Client.RaiseEventAsync(id, RunEvents.Cancel, "test");
        staged.SetResult();
        var (summary, _) = await host.WaitForSummaryAsync(id);

        Assert.Empty(processor.Attempts);
        Assert.Equal((RunOutcome.Canceled, 0, 50, 0L), (summary.Outcome, summary.All.Succeeded, summary.Skipped, summary.All.CostMicros));
        Assert.Equal(RunOutcome.Canceled, Assert.Single(_costs.Upserts).Outcome);
    }

    [Fact]
    public async Task RunAsync_ChunkThrowsOnce_RetriesTheChunkAndCompletes()
    {
        _staging.RecordCount = 40;
        var processor = new FakeChunkProcessor((chunk, attempt) => chunk.ChunkIndex == 2 && attempt == 1
            ? throw new IOException("storage blip")
            : Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-retry", chunkSize: 10, maxParallelChunks: 4)));

        Assert.Equal(2, processor.AttemptsOf(2));
        Assert.Equal([1, 1, 2, 1], Enumerable.Range(0, 4).Select(processor.AttemptsOf));
        Assert.Equal((RunOutcome.Succeeded, 40, 0), (summary.Outcome, summary.All.Succeeded, summary.Skipped));
        Assert.Equal(PricedTotal(processor.Returned), Assert.Single(_costs.Upserts).All.CostMicros);
    }

    [Fact]
    public async Task RunAsync_ChunkDefersThrottledRecordsTwice_SendsItAgainWithTheSameDeadlineAndCountsTheFinalSummarysRecordsAndEvery429()
    {
        _staging.RecordCount = 30;
        var processor = new FakeChunkProcessor((chunk, attempt) => Task.FromResult(chunk.ChunkIndex == 1 && attempt <= 2
            ? Summaries.Chunk(chunk.ChunkIndex, 10).With(c => c with { Succeeded = 0, Throttled = 5 }) with { Deferred = 10 - attempt }
            : Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-deferred", chunkSize: 10, maxParallelChunks: 3)));

        Assert.Equal(3, processor.AttemptsOf(1));
        var sends = processor.Attempts.Where(c => c.ChunkIndex == 1).ToList();
        Assert.NotNull(sends[0].ThrottleDeadline);
        Assert.All(sends, c => Assert.Equal(sends[0].ThrottleDeadline, c.ThrottleDeadline));
        Assert.Equal((RunOutcome.Succeeded, 30, 0, 0), (summary.Outcome, summary.All.Succeeded, summary.All.Failed, summary.Skipped));
        Assert.Equal((30, 5 + 5 + 1), (summary.All.Records, summary.All.Throttled));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0, RunOutcome.Succeeded)]
    [InlineData(new[] { 0, 4, 0 }, 0, RunOutcome.CompletedWithFailures)]
    [InlineData(new[] { 10, 10, 10 }, 0, RunOutcome.Failed)]
    [InlineData(new[] { 0, 0, 0 }, 2, RunOutcome.CompletedWithFailures)]
    public async Task RunAsync_ChunkResults_DecideTheOutcome(int[] failedPerChunk, int rejected, RunOutcome expected)
    {
        _staging.RecordCount = 30;
        _staging.RejectedRecords = rejected;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10, failedPerChunk[chunk.ChunkIndex])));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-outcome", chunkSize: 10, maxParallelChunks: 2)));

        Assert.Equal(expected, summary.Outcome);
        Assert.Equal((30 + rejected, failedPerChunk.Sum(), rejected), (summary.TotalRecords, summary.All.Failed, summary.Skipped));
        Assert.Equal(expected, Assert.Single(_costs.Upserts).Outcome);
    }

    private static long PricedTotal(IEnumerable<ChunkSummary> chunks) => CostCalculator.MicroDollars(
        chunks.Aggregate(TokenUsage.Zero, (total, c) => total + c.Counters.Usage), PriceTable.Default.For("gpt-4o-mini"));

    [Fact]
    public async Task RunAsync_MoreChunksThanTheExportHolds_StopsBeforeAnyChunkWithTheFieldToChange()
    {
        _staging.RecordCount = 60_000;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 1)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-too-many-chunks", chunkSize: 1, maxParallelChunks: 4)));

        Assert.Empty(processor.Attempts);
        Assert.Equal((RunOutcome.Failed, 60_000, 0, 60_000), (summary.Outcome, summary.TotalRecords, summary.All.Succeeded, summary.Skipped));
        Assert.StartsWith("$.spec.chunkSize: 1 splits the 60,000 records into 60,000 chunks", summary.Reason, StringComparison.Ordinal);
        Assert.Contains("use a chunkSize of at least 2", summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MoreChunksThanOneGroup_SplitsIntoBoundedSubOrchestrationsWithTheSameTotals()
    {
        _staging.RecordCount = 100;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 5).With(c => c with { Throttled = 0 })));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var id = await host.StartRunAsync(Run("run-groups", chunkSize: 5, maxParallelChunks: 3, chunksPerGroup: 6));
        var (summary, status) = await host.WaitForSummaryAsync(id);

        Assert.Equal((100, 100, 20), (summary.TotalRecords, summary.All.Succeeded, status.ChunksCompleted));
        Assert.Equal(Enumerable.Range(0, 20), processor.Attempts.Select(c => c.ChunkIndex).Order());
        Assert.Equal(processor.Returned.Aggregate(TokenUsage.Zero, (total, c) => total + c.Counters.Usage), summary.All.Usage);
        var groupSizes = new List<int>();
        for (var group = 0; group < 4; group++)
        {
            var instance = await host.Client.GetInstanceAsync(BatchRunOrchestrator.ChunkGroupInstanceId(id, group), getInputsAndOutputs: true);
            Assert.NotNull(instance);
            groupSizes.Add(instance.ReadOutputAs<DispatchResult>()!.Totals.Chunks);
        }

        Assert.Equal([6, 6, 6, 2], groupSizes);
        Assert.Null(await host.Client.GetInstanceAsync(BatchRunOrchestrator.ChunkGroupInstanceId(id, 4)));
    }

    [Fact]
    public async Task RunAsync_ChunksMeetThrottling_WindowShrinksThenGrowsBack()
    {
        _staging.RecordCount = 160;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(
            Summaries.Chunk(chunk.ChunkIndex, 10).With(c => c with { Throttled = chunk.ChunkIndex < 4 ? 3 : 0 })))
        {
            Delay = TimeSpan.FromMilliseconds(120),
        };
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(Run("run-aimd", chunkSize: 10, maxParallelChunks: 4)));

        Assert.Equal(160, summary.All.Succeeded);
        var atStart = processor.ConcurrencyAtStart;
        Assert.Equal(4, Enumerable.Range(0, 4).Max(i => atStart[i]));
        Assert.True(atStart[4] <= 2, $"after a wave of 429s the window should be halved, but chunk 4 started beside {atStart[4] - 1} others");
        Assert.Equal(4, Enumerable.Range(8, 8).Max(i => atStart[i]));
    }

    [Fact]
    public async Task RunAsync_BudgetCap_StopsDispatchingWithinOneChunkOfTheCapAndKeepsPartialCounts()
    {
        _staging.RecordCount = 200;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(
            Summaries.Chunk(chunk.ChunkIndex, 10).With(c => c with { Throttled = 0, CostMicros = 1_000, Usage = new TokenUsage(4_000, 0, 500) })))
        {
            Delay = TimeSpan.FromMilliseconds(30),
        };
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var input = Run("run-budget", chunkSize: 10, maxParallelChunks: 4);
        input = input with { Spec = input.Spec with { BudgetUsd = 0.0055m } };

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(input));

        Assert.Equal(RunOutcome.BudgetExceeded, summary.Outcome);
        Assert.Contains("budget", summary.Reason, StringComparison.Ordinal);
        var spent = processor.Returned.Sum(c => c.Counters.CostMicros);
        Assert.InRange(spent, 4_000, 5_500 + 1_000);
        Assert.Equal(processor.Returned.Count * 10, summary.All.Succeeded);
        Assert.Equal(200, summary.All.Succeeded + summary.All.Failed + summary.Skipped);
        Assert.True(summary.Skipped >= 140);
    }

    [Fact]
    public async Task RunAsync_BatchModeBudgetCap_StopsSubmittingBatchesWithinOneOfTheCap()
    {
        _staging.RecordCount = 100;
        var batches = new FakeBatchProcessor
        {
            OnCollect = r => new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 10, 0).With(c => c with { CostMicros = 1_000 }), 0),
        };
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs, batches, new FakeBatchModelClient { PollsUntilDone = 1 });
        var run = Run("run-batch-budget", chunkSize: 10, maxParallelChunks: 4);
        var fastPolling = BatchOptions.Default with { PollInitial = TimeSpan.FromMilliseconds(50), PollMax = TimeSpan.FromMilliseconds(200) };

        var id = await host.StartRunAsync(run with { Spec = run.Spec with { Mode = RunModes.Batch, BudgetUsd = 0.0035m, Batch = fastPolling } });
        var (summary, _) = await host.WaitForSummaryAsync(id);

        Assert.Equal(RunOutcome.BudgetExceeded, summary.Outcome);
        Assert.Contains("budget", summary.Reason, StringComparison.Ordinal);
        Assert.Empty(processor.Returned);
        Assert.InRange(batches.Collects.Count, 2, 4);
        Assert.Equal(batches.Collects.Count * 10, summary.All.Succeeded);
        Assert.Equal(100, summary.All.Succeeded + summary.All.Failed + summary.Skipped);
    }

    [Fact]
    public async Task RunAsync_FailureRateOverThreshold_StopsEarlyAsFailedWithTheReason()
    {
        _staging.RecordCount = 200;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10, failed: 8).With(c => c with { Throttled = 0 })));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var input = Run("run-hopeless", chunkSize: 10, maxParallelChunks: 1);
        input = input with { Spec = input.Spec with { FailureThreshold = new FailureThreshold(0.5, 20) } };

        var (summary, _) = await host.WaitForSummaryAsync(await host.StartRunAsync(input));

        Assert.Equal(RunOutcome.Failed, summary.Outcome);
        Assert.Contains("failure threshold", summary.Reason, StringComparison.Ordinal);
        Assert.Equal(2, processor.Attempts.Count);
        Assert.Equal((4, 16, 180), (summary.All.Succeeded, summary.All.Failed, summary.Skipped));
    }

    [Fact]
    public async Task RunAsync_BatchModeFailureRateOverThreshold_StopsSubmittingAsFailedWithTheReason()
    {
        _staging.RecordCount = 200;
        var batches = new FakeBatchProcessor
        {
            OnCollect = r => new BatchCollectResult(FakeBatchProcessor.BatchSummary(r.ChunkIndex, 2, 0).With(c => c with { Records = 10, Failed = 8 }), 0),
        };
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs, batches, new FakeBatchModelClient { PollsUntilDone = 1 });
        var run = Run("run-batch-hopeless", chunkSize: 10, maxParallelChunks: 1);
        var fastPolling = BatchOptions.Default with { PollInitial = TimeSpan.FromMilliseconds(50), PollMax = TimeSpan.FromMilliseconds(200) };

        var id = await host.StartRunAsync(run with { Spec = run.Spec with { Mode = RunModes.Batch, FailureThreshold = new FailureThreshold(0.5, 20), Batch = fastPolling } });
        var (summary, _) = await host.WaitForSummaryAsync(id);

        Assert.Equal(RunOutcome.Failed, summary.Outcome);
        Assert.Contains("failure threshold", summary.Reason, StringComparison.Ordinal);
        Assert.Equal(2, batches.Collects.Count);
        Assert.Equal((4, 16, 180), (summary.All.Succeeded, summary.All.Failed, summary.Skipped));
    }

    [Fact]
    public async Task RunAsync_AutoModeWithADeadlineTooShortForABatch_RunsOnlineAndWritesOnlyAnOnlinePart()
    {
        _staging.RecordCount = 30;
        var processor = new FakeChunkProcessor((chunk, _) => Task.FromResult(Summaries.Chunk(chunk.ChunkIndex, 10)));
        await using var host = await OrchestrationHost.StartAsync(_staging, processor, _costs);
        var run = Run("run-auto", chunkSize: 10, maxParallelChunks: 3);

        var id = await host.StartRunAsync(run with { Spec = run.Spec with { Mode = RunModes.Auto, Deadline = TimeSpan.FromHours(4) } });
        var (summary, _) = await host.WaitForSummaryAsync(id);

        Assert.Equal(3, processor.Returned.Count);
        Assert.Equal((30, 30), (summary.All.Succeeded, summary.Counters.Online.Succeeded));
        Assert.True(summary.Counters.Batch.IsEmpty);
        Assert.Equal(summary.All.CostMicros, summary.Counters.Online.CostMicros);
    }

    private static RunInput Run(string runId, int chunkSize, int maxParallelChunks, int? chunksPerGroup = null) => new(
        runId,
        TestSpecs.Job(chunkSize, maxParallelChunks) with { ChunksPerGroup = chunksPerGroup },
        new RunSource(RunSourceKinds.StagedBlob, $"{runId}.jsonl"),
        RunTriggers.Http);
}
