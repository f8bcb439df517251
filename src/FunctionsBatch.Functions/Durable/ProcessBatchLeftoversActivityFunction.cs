using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="ProcessBatchLeftoversActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class ProcessBatchLeftoversActivityFunction(ProcessBatchLeftoversActivity activity)
{
    [Function(nameof(ProcessBatchLeftoversActivity))]
    public Task<ChunkSummary> RunAsync([ActivityTrigger] BatchLeftoversRef input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(ProcessBatchLeftoversActivity), instanceId), input);
}
