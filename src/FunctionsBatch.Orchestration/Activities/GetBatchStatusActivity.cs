using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Reads a batch's status; the orchestrator polls it between durable timers.</summary>
public sealed class GetBatchStatusActivity(IBatchModelClient client) : TaskActivity<string, BatchJob>
{
    public override Task<BatchJob> RunAsync(TaskActivityContext context, string input) =>
        client.GetAsync(input, CancellationToken.None);
}
