using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Runs;

/// <summary>Chunk summaries add up into the run's online and batch parts, which add up to its totals.</summary>
public sealed class ChunkTotalsModeTests
{
    [Fact]
    public void Plus_OnlineAndBatchSummaries_KeepsEachModeApartAndTheSumWhole()
    {
        var batchCounters = new RunCounters
        {
            Records = 480, Succeeded = 470, Failed = 10, Requests = 500, Usage = new TokenUsage(300_000, 0, 9_000), Truncated = 3,
            Waste = new TokenWaste(InvalidBatchLines: 120), FailedLines = 12, ExpiredLines = 8, ResubmittedLines = 20,
        };
        var onlineCounters = new RunCounters
        {
            Records = 20, Succeeded = 20, Requests = 23, Throttled = 1, Usage = new TokenUsage(12_000, 0, 400), Repairs = 1, Retries = 2, Truncated = 1,
            Waste = new TokenWaste(Reasked: 90),
        };
        var batch = new ChunkSummary(0, RunModes.Batch, batchCounters, 10);
        var leftovers = new ChunkSummary(0, RunModes.Online, onlineCounters, 10);

        var totals = ChunkTotals.None.Plus(batch).Plus(ChunkTotals.None.Plus(leftovers));

        Assert.Equal((500, 490, 10, 4), (totals.All.Records, totals.All.Succeeded, totals.All.Failed, totals.All.Truncated));
        Assert.Equal(new TokenUsage(312_000, 0, 9_400), totals.All.Usage);
        Assert.Equal(batchCounters, totals.Counters.Batch);
        Assert.Equal(onlineCounters, totals.Counters.Online);
        Assert.Equal(totals.All.Usage, totals.Counters.Online.Usage + totals.Counters.Batch.Usage);
        Assert.Equal(RunModes.Mixed, totals.Counters.Mode);
    }

    [Fact]
    public void Plus_OnlyOnline_LeavesNoBatchPart()
    {
        var totals = ChunkTotals.None.Plus(new ChunkSummary(0, RunModes.Online, new RunCounters { Records = 1, Succeeded = 1, Requests = 1 }, 1));

        Assert.True(totals.Counters.Batch.IsEmpty);
        Assert.Equal(1, totals.Counters.Online.Records);
        Assert.Equal(RunModes.Online, totals.Counters.Mode);
    }
}
