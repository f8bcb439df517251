using FunctionsBatch.Core.Runs;

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
        Assert.Equal(30 + rejected, tally.Processed + tally.Skipped);
    }

    [Fact]
    public void Progress_AfterChunks_AddsUpEveryCounter()
    {
        var tally = new RunTally(new StagingResult(25, 10, 3, RejectedRecords: 1));
        tally.Add(new ChunkSummary(0, 10, 9, 1, 12, 2, new TokenUsage(1_000, 200, 50), 300, 40));
        tally.Add(new ChunkSummary(2, 5, 5, 0, 5, 0, new TokenUsage(500, 0, 25), 120, 20));

        var progress = tally.Progress(RunPhases.Processing);

        Assert.Equal(
            new RunProgress(RunPhases.Processing, 26, 3, 2, 14, 1, 17, 2, new TokenUsage(1_500, 200, 75), 420),
            progress);
        Assert.Equal(10 + 1, tally.Skipped);
    }

    private static ChunkSummary Chunk(int index, int succeeded, int failed) =>
        new(index, succeeded + failed, succeeded, failed, succeeded + failed, 0, new TokenUsage(100, 0, 10), 5, 1);
}
