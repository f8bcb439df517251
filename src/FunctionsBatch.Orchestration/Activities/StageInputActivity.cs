using FunctionsBatch.Core.Runs;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Splits a run's input into chunk blobs and stores its spec; safe to run again (it overwrites).</summary>
public sealed class StageInputActivity(IRunStaging staging) : TaskActivity<StageRequest, StagingResult>
{
    public override Task<StagingResult> RunAsync(TaskActivityContext context, StageRequest input) =>
        staging.StageAsync(input, CancellationToken.None);
}
