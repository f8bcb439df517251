using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="ProcessChunkActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class ProcessChunkActivityFunction(ProcessChunkActivity activity)
{
    [Function(nameof(ProcessChunkActivity))]
    public Task<ChunkSummary> RunAsync([ActivityTrigger] ChunkRef input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(ProcessChunkActivity), instanceId), input);
}
