using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
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
        return run with { Counters = prices.Price(run.Counters, run.Model) };
    }
}
