using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="SubmitBatchActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class SubmitBatchActivityFunction(SubmitBatchActivity activity)
{
    [Function(nameof(SubmitBatchActivity))]
    public Task<BatchSubmitResult> RunAsync([ActivityTrigger] BatchSubmitRequest input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(SubmitBatchActivity), instanceId), input);
}
