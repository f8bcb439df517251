using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Runs;

/// <summary>Chunk summaries add up into the run's online and batch parts, which add up to its totals.</summary>
public sealed class ChunkTotalsModeTests
{
    [Fact]
    public void Plus_OnlineAndBatchSummaries_KeepsEachModeApartAndTheSumWhole()
    {
        var batch = new ChunkSummary(0, 480, 470, 10, 500, 0, new TokenUsage(300_000, 0, 9_000), 0, 10, Mode: RunModes.Batch,
            Waste: new TokenWaste(InvalidBatchLines: 120), FailedLines: 12, ExpiredLines: 8, ResubmittedLines: 20);
        var leftovers = new ChunkSummary(0, 20, 20, 0, 23, 1, new TokenUsage(12_000, 0, 400), 0, 10, Repairs: 1, Retries: 2, Waste: new TokenWaste(Reasked: 90));

        var totals = ChunkTotals.None.Plus(batch).Plus(ChunkTotals.None.Plus(leftovers));

        Assert.Equal((500, 490, 10), (totals.Records, totals.Succeeded, totals.Failed));
        Assert.Equal(new TokenUsage(312_000, 0, 9_400), totals.Usage);
        Assert.Equal(new ModeTotals(480, 470, 10, 0, 500, 0, 0, new TokenUsage(300_000, 0, 9_000), new TokenWaste(InvalidBatchLines: 120), 12, 8, 20), totals.Batch);
        Assert.Equal(new ModeTotals(20, 20, 0, 0, 23, 2, 1, new TokenUsage(12_000, 0, 400), new TokenWaste(Reasked: 90)), totals.Online);
        Assert.Equal(totals.Usage, totals.Online.Usage + totals.Batch.Usage);
    }

    [Fact]
    public void Plus_OnlyOnline_LeavesNoBatchPart()
    {
        var totals = ChunkTotals.None.Plus(new ChunkSummary(0, 1, 1, 0, 1, 0, new TokenUsage(10, 0, 2), 0, 1));

        Assert.Null(totals.BatchPart);
        Assert.True(totals.Batch.IsEmpty);
        Assert.Equal(1, totals.Online.Records);
    }
}
