using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="CancelBatchActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class CancelBatchActivityFunction(CancelBatchActivity activity)
{
    [Function(nameof(CancelBatchActivity))]
    public Task<BatchJob> RunAsync([ActivityTrigger] string input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(CancelBatchActivity), instanceId), input);
}
