using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="GetBatchStatusActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class GetBatchStatusActivityFunction(GetBatchStatusActivity activity)
{
    [Function(nameof(GetBatchStatusActivity))]
    public Task<BatchJob> RunAsync([ActivityTrigger] string input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(GetBatchStatusActivity), instanceId), input);
}
