using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>
/// Prices the run's total tokens once (summing per-chunk costs would add up each chunk's rounding) and
/// upserts the run's cost row; returns the summary with that cost.
/// </summary>
public sealed class WriteRunCostActivity(IRunCostStore costs, PriceTable prices) : TaskActivity<RunSummary, RunSummary>
{
    public override async Task<RunSummary> RunAsync(TaskActivityContext context, RunSummary input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var priced = input with { CostMicros = CostCalculator.MicroDollars(input.Usage, prices.For(input.Model)) };
        await costs.UpsertAsync(priced, CancellationToken.None).ConfigureAwait(false);
        return priced;
    }
}
