using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration.Activities;

namespace FunctionsBatch.Orchestration.Tests;

/// <summary>Cost rows per run and per run × model × mode, priced and summed without counting anything twice.</summary>
public sealed class CostReportTests
{
    private static readonly DateTime Started = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Price_MixedRun_BillsBatchAtHalfAndOnlineAtListAndSumsThemIntoTheRun()
    {
        var run = Summary("mixed") with
        {
            Counters = new ModeCounters(Part(20, new TokenUsage(12_000, 0, 400)), Part(480, new TokenUsage(300_000, 0, 9_000))),
        };

        var priced = WriteRunCostActivity.Price(run, PriceTable.Default);

        // gpt-4o-mini: online 12,000 × 0.15 + 400 × 0.60 = 2,040 µ$; batch (300,000 × 0.15 + 9,000 × 0.60) / 2 = 25,200 µ$.
        Assert.Equal((2_040L, 2_040L), (priced.Counters.Online.CostMicros, priced.Counters.Online.ListCostMicros));
        Assert.Equal((25_200L, 50_400L), (priced.Counters.Batch.CostMicros, priced.Counters.Batch.ListCostMicros));
        Assert.Equal((27_240L, 52_440L), (priced.All.CostMicros, priced.All.ListCostMicros));
    }

    [Fact]
    public void Price_OnlineRun_LeavesTheBatchPartEmpty()
    {
        var priced = WriteRunCostActivity.Price(Summary("online") with { Counters = ModeCounters.Of(RunModes.Online, Part(1, new TokenUsage(1_000_000, 0, 0))) }, PriceTable.Default);

        Assert.Equal((150_000L, 150_000L), (priced.All.CostMicros, priced.Counters.Online.CostMicros));
        Assert.True(priced.Counters.Batch.IsEmpty);
    }

    [Fact]
    public void GroupBy_ModeAndTenant_SplitsMixedRunsByModeAndCountsEveryMicroDollarOnce()
    {
        RunCostRow[] rows =
        [
            Row("r1", "run", "mixed", "contoso", 27_240, 500),
            Row("r1", "gpt-4o-mini|online", "online", "contoso", 2_040, 20),
            Row("r1", "gpt-4o-mini|batch", "batch", "contoso", 25_200, 480),
            Row("r2", "run", "online", "fabrikam", 1_000, 10),
            Row("r2", "gpt-4o-mini|online", "online", "fabrikam", 1_000, 10),
            Row("r3", "run", "online", "fabrikam", 700, 7) with { WasteTokens = 120 },
        ];

        var byMode = CostReport.GroupBy(rows, "mode").ToDictionary(g => g.Key);
        var byTenant = CostReport.GroupBy(rows, "tenant").ToDictionary(g => g.Key);
        var byModel = Assert.Single(CostReport.GroupBy(rows, "model"));

        Assert.Equal((25_200L, 1, 480), (byMode["batch"].CostMicros, byMode["batch"].Runs, byMode["batch"].Records));
        Assert.Equal((3_740L, 3, 37), (byMode["online"].CostMicros, byMode["online"].Runs, byMode["online"].Records));
        Assert.Equal((27_240L, 1), (byTenant["contoso"].CostMicros, byTenant["contoso"].Runs));
        Assert.Equal((1_700L, 2), (byTenant["fabrikam"].CostMicros, byTenant["fabrikam"].Runs));
        // r3's row is from before waste had a column per cause: its stored total still counts.
        Assert.Equal(120L, byTenant["fabrikam"].WasteTokens);
        Assert.Equal((28_940L, 3), (byModel.CostMicros, byModel.Runs));
    }

    private static RunCounters Part(int records, TokenUsage usage) => new() { Records = records, Succeeded = records, Requests = records, Usage = usage };

    private static RunSummary Summary(string id) => new(
        id, "classify", "gpt-4o-mini", "v1", new Dictionary<string, string>(), RunOutcome.Succeeded, null, Started, Started, 500, 0, ModeCounters.None);

    private static RunCostRow Row(string run, string rowKey, string mode, string tenant, long cost, int records) => new(
        run, rowKey, "classify", "gpt-4o-mini", "v1", tenant, "triage", "Succeeded", mode, Started, Started, records, 0,
        Part(records, TokenUsage.Zero) with { CostMicros = cost });
}
