using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>
/// Splits a run's input into chunk blobs and stores its spec. Safe to run again: it overwrites, and a queue drain
/// resumes from its intake log, so the durable retry of a killed execution loses and doubles nothing.
/// </summary>
public sealed class StageInputActivity(IRunStaging staging, ILogger<StageInputActivity> logger) : TaskActivity<StageRequest, StagingResult>
{
    public override async Task<StagingResult> RunAsync(TaskActivityContext context, StageRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.BeginScope(FunctionsBatchTelemetry.Scope(input.RunId));
        using var activity = FunctionsBatchTelemetry.Start("StageInput", input.Spec, input.RunId);
        activity?.SetTag("functionsbatch.source.kind", input.Source.Kind);
        var result = await staging.StageAsync(input, CancellationToken.None).ConfigureAwait(false);
        activity?.SetTag("functionsbatch.records", result.RecordCount);
        activity?.SetTag("functionsbatch.records.rejected", result.RejectedRecords);
        return result;
    }
}
