using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Asks the service to cancel a batch (a run cancel, or a deadline cut-off).</summary>
public sealed class CancelBatchActivity(IBatchModelClient client) : TaskActivity<string, BatchJob>
{
    public override Task<BatchJob> RunAsync(TaskActivityContext context, string input) =>
        client.CancelAsync(input, CancellationToken.None);
}
