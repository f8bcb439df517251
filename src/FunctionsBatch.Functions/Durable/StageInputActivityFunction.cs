using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="StageInputActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class StageInputActivityFunction(StageInputActivity activity)
{
    [Function(nameof(StageInputActivity))]
    public Task<StagingResult> RunAsync([ActivityTrigger] StageRequest input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(StageInputActivity), instanceId), input);
}
