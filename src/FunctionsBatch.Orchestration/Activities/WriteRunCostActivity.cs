using FunctionsBatch.Core.Runs;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Upserts the run's row in the cost table.</summary>
public sealed class WriteRunCostActivity(IRunCostStore costs) : TaskActivity<RunSummary, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RunSummary input)
    {
        await costs.UpsertAsync(input, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
