using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="CollectBatchActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class CollectBatchActivityFunction(CollectBatchActivity activity)
{
    [Function(nameof(CollectBatchActivity))]
    public Task<BatchCollectResult> RunAsync([ActivityTrigger] BatchCollectRequest input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(CollectBatchActivity), instanceId), input);
}
