using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Runs;

public sealed class RunTallyTests
{
    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0, false, RunOutcome.Succeeded)]
    [InlineData(new[] { 0, 3, 0 }, 0, false, RunOutcome.CompletedWithFailures)]
    [InlineData(new[] { 10, 10, 10 }, 0, false, RunOutcome.Failed)]
    [InlineData(new[] { 0, 0, 0 }, 2, false, RunOutcome.CompletedWithFailures)]
    [InlineData(new[] { 0, 0, 0 }, 0, true, RunOutcome.Canceled)]
    [InlineData(new[] { 10, 10, 10 }, 0, true, RunOutcome.Canceled)]
    public void Outcome_ChunkResults_FollowTheOutcomeRules(int[] failedPerChunk, int rejected, bool canceled, RunOutcome expected)
    {
        var tally = new RunTally(new StagingResult(30, 10, 3, rejected));
        foreach (var (failed, index) in failedPerChunk.Select((f, i) => (f, i)))
        {
            tally.Add(Chunk(index, succeeded: 10 - failed, failed));
        }

        Assert.Equal(expected, tally.Outcome(canceled));
    }

    [Fact]
    public void Outcome_OnlyRejectedRecords_IsFailed()
    {
        var tally = new RunTally(new StagingResult(0, 10, 0, RejectedRecords: 4));

        Assert.Equal(RunOutcome.Failed, tally.Outcome(canceled: false));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 3)]
    [InlineData(0, 1, 10)]
    [InlineData(2, 2, 22)]
    [InlineData(0, 3, 30)]
    public void Skipped_RejectedAndUndispatchedRecords_AreCountedTogether(int rejected, int chunksNeverRun, int skipped)
    {
        var tally = new RunTally(new StagingResult(30, 10, 3, rejected));
        for (var index = 0; index < 3 - chunksNeverRun; index++)
        {
            tally.Add(Chunk(index, succeeded: 7, failed: 3));
        }

        Assert.Equal(skipped, tally.Skipped);
        Assert.Equal(30 + rejected, tally.Totals.All.Processed + tally.Skipped);
    }

    [Fact]
    public void Progress_AfterChunks_AddsUpEveryCounter()
    {
        var tally = new RunTally(new StagingResult(25, 10, 3, RejectedRecords: 1));
        tally.Add(Totals(new RunCounters { Records = 10, Succeeded = 9, Failed = 1, Requests = 12, Throttled = 2, Truncated = 1, Usage = new TokenUsage(1_000, 200, 50), CostMicros = 300 }));
        tally.Add(Totals(new RunCounters { Records = 5, Succeeded = 5, Requests = 5, Usage = new TokenUsage(500, 0, 25), CostMicros = 120 }));

        var progress = tally.Progress(RunPhases.Processing);

        Assert.Equal(
            new RunProgress(RunPhases.Processing, 26, 3, 2, new RunCounters { Records = 15, Succeeded = 14, Failed = 1, Requests = 17, Throttled = 2, Truncated = 1, Usage = new TokenUsage(1_500, 200, 75), CostMicros = 420 }),
            progress);
        Assert.Equal(10 + 1, tally.Skipped);
    }

    private static ChunkTotals Chunk(int index, int succeeded, int failed) =>
        Totals(new RunCounters { Records = succeeded + failed, Succeeded = succeeded, Failed = failed, Requests = succeeded + failed, Usage = new TokenUsage(100, 0, 10), CostMicros = 5 }, index);

    private static ChunkTotals Totals(RunCounters counters, int index = 0) =>
        ChunkTotals.None.Plus(new ChunkSummary(index, RunModes.Online, counters, 1));
}
