using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>
/// Prices each mode's total tokens once (summing per-chunk costs would add up each chunk's rounding): online at
/// the list price, batch at the batch price, both also at the undiscounted list price; the run's cost is the sum
/// of its modes. Upserts the run's cost row and one row per model × mode; returns the summary with those costs.
/// </summary>
public sealed class WriteRunCostActivity(IRunCostStore costs, PriceTable prices) : TaskActivity<RunSummary, RunSummary>
{
    public override async Task<RunSummary> RunAsync(TaskActivityContext context, RunSummary input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var priced = Price(input, prices);
        await costs.UpsertAsync(priced, CancellationToken.None).ConfigureAwait(false);
        return priced;
    }

    public static RunSummary Price(RunSummary run, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(prices);
        // A summary without parts comes from before batch mode: all of it was online.
        var online = run.Online is null && run.Batch is null
            ? new ModeTotals(run.Succeeded + run.Failed, run.Succeeded, run.Failed, run.LedgerHits, run.Requests, 0, run.Repairs, run.Usage, TokenWaste.None)
            : run.Online;
        var onlinePriced = online is null ? null : Priced(online, run.Model, RunModes.Online, prices);
        var batchPriced = run.Batch is null ? null : Priced(run.Batch, run.Model, RunModes.Batch, prices);
        return run with
        {
            Online = onlinePriced,
            Batch = batchPriced,
            CostMicros = (onlinePriced?.CostMicros ?? 0) + (batchPriced?.CostMicros ?? 0),
            ListCostMicros = (onlinePriced?.ListCostMicros ?? 0) + (batchPriced?.ListCostMicros ?? 0),
        };
    }

    private static ModeTotals Priced(ModeTotals totals, string model, string mode, PriceTable prices) => totals with
    {
        CostMicros = CostCalculator.MicroDollars(totals.Usage, prices.For(model, mode)),
        ListCostMicros = CostCalculator.ListMicroDollars(totals.Usage, prices.For(model)),
    };
}
