using System.Globalization;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// One batch run: stage the input into chunks, keep at most <c>maxParallelChunks</c> chunk activities in
/// flight, add up their small summaries, write the cost row. The replay history is the checkpoint: after a
/// crash, finished chunks are replayed from history and only the ones in flight run again.
/// </summary>
public sealed class BatchRunOrchestrator : TaskOrchestrator<RunInput, RunSummary>
{
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<RunSummary> RunAsync(TaskOrchestrationContext context, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<BatchRunOrchestrator>();
        var started = context.CurrentUtcDateTime;
        var cancelRequested = context.WaitForExternalEvent<string>(RunEvents.Cancel);
        context.SetCustomStatus(RunProgress.Starting);

        var staging = await context.CallActivityAsync<StagingResult>(
            nameof(StageInputActivity), new StageRequest(input.RunId, input.Spec, input.Source), ActivityRetry);
        logger.LogInformation("Run {RunId} staged {Records} records in {Chunks} chunks", input.RunId, staging.RecordCount, staging.ChunkCount);

        var tally = new RunTally(staging);
        var stop = await ProcessChunksAsync(context, input, tally, cancelRequested);

        context.SetCustomStatus(tally.Progress(RunPhases.Finishing));
        var summary = new RunSummary(
            input.RunId,
            input.Spec.Name,
            input.Spec.Model,
            input.Spec.PromptVersion,
            input.Spec.Tags,
            tally.Outcome(stop.Canceled, stop.Hopeless),
            stop.Reason,
            started,
            context.CurrentUtcDateTime,
            tally.Staging.RecordCount + tally.Staging.RejectedRecords,
            tally.Succeeded,
            tally.Failed,
            tally.Skipped,
            tally.Requests,
            tally.Throttled,
            tally.Usage,
            tally.CostMicros,
            input.RetryOf,
            tally.Repairs);
        summary = await context.CallActivityAsync<RunSummary>(nameof(WriteRunCostActivity), summary, ActivityRetry);
        context.SetCustomStatus(tally.Progress(RunPhases.Done));
        logger.LogInformation(
            "Run {RunId} finished {Outcome}: {Succeeded} succeeded, {Failed} failed, {Skipped} skipped",
            input.RunId, summary.Outcome, summary.Succeeded, summary.Failed, summary.Skipped);
        return summary;
    }

    /// <summary>A sliding window of chunk activities; returns what, if anything, stopped dispatching early.</summary>
    private static async Task<DispatchStop> ProcessChunksAsync(
        TaskOrchestrationContext context, RunInput input, RunTally tally, Task<string> cancelRequested)
    {
        var inFlight = new List<Task<ChunkSummary>>();
        var nextChunk = 0;
        // A cancel that arrived while staging must stop the first window too. IsCompleted is replay-safe:
        // the event is replayed at the same point of the history every time.
        var canceled = cancelRequested.IsCompleted;
        string? hopeless = null;
        context.SetCustomStatus(tally.Progress(canceled ? RunPhases.Canceling : RunPhases.Processing));
        while (true)
        {
            while (!canceled && hopeless is null && nextChunk < tally.Staging.ChunkCount && inFlight.Count < input.Spec.MaxParallelChunks)
            {
                inFlight.Add(context.CallActivityAsync<ChunkSummary>(
                    nameof(ProcessChunkActivity), new ChunkRef(input.RunId, nextChunk++), ActivityRetry));
            }

            if (inFlight.Count == 0)
            {
                return new DispatchStop(canceled, hopeless);
            }

            var finished = canceled
                ? await Task.WhenAny(inFlight)
                : await Task.WhenAny(inFlight.Append<Task>(cancelRequested));
            if (finished == cancelRequested)
            {
                canceled = true;
                context.SetCustomStatus(tally.Progress(RunPhases.Canceling));
                continue;
            }

            var chunk = (Task<ChunkSummary>)finished;
            inFlight.Remove(chunk);
            tally.Add(await chunk);
            if (hopeless is null && input.Spec.FailureThreshold is { } threshold && threshold.IsExceeded(tally.Processed, tally.Failed))
            {
                hopeless = string.Create(
                    CultureInfo.InvariantCulture,
                    $"stopped: {tally.Failed} of the first {tally.Processed} records failed, over the failure threshold of {threshold.Rate:P0} after {threshold.MinRecords} records");
            }

            context.SetCustomStatus(tally.Progress(canceled || hopeless is not null ? RunPhases.Canceling : RunPhases.Processing));
        }
    }
}
