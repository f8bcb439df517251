using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Downloads a finished batch's output and error files and writes one result row per settled record.</summary>
public sealed class CollectBatchActivity(IBatchProcessor processor) : TaskActivity<BatchCollectRequest, BatchCollectResult>
{
    public override Task<BatchCollectResult> RunAsync(TaskActivityContext context, BatchCollectRequest input) =>
        processor.CollectAsync(input, CancellationToken.None);
}
