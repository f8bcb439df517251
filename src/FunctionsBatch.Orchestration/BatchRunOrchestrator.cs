using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Planning;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// One batch run: stage the input into chunks, run them through an adaptive window of chunk activities
/// (directly for small runs, in chunk-group sub-orchestrations for large ones, so no history grows without
/// bound), add up their small summaries, write the cost row and export the results. The replay history is the checkpoint: after
/// a crash, finished chunks replay from history and only the ones in flight run again.
/// </summary>
public sealed class BatchRunOrchestrator : TaskOrchestrator<RunInput, RunSummary>
{
    public override async Task<RunSummary> RunAsync(TaskOrchestrationContext context, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<BatchRunOrchestrator>();
        var started = context.CurrentUtcDateTime;
        var cancelRequested = context.WaitForExternalEvent<string>(RunEvents.Cancel);
        context.SetCustomStatus(RunProgress.Starting);

        var staging = await context.CallActivityAsync<StagingResult>(
            nameof(StageInputActivity), new StageRequest(input.RunId, input.Spec, input.Source), ChunkDispatcher.ActivityRetry);
        logger.LogInformation("Run {RunId} staged {Records} records in {Chunks} chunks", input.RunId, staging.RecordCount, staging.ChunkCount);

        var tally = new RunTally(staging);
        var mode = ModeDecision.Choose(input.Spec, started);
        logger.LogInformation("Run {RunId} calls the model {Mode}: {Reason}", input.RunId, mode.Mode, mode.Reason);
        var groups = ChunkGroupPlan.For(staging.ChunkCount, input.Spec.ChunksPerGroup ?? RunSizing.ChunksPerGroup(staging.ChunkCount));
        DispatchResult stop;
        if (ExportCapacity.Problem(staging, mode.Mode, input.Spec) is { } unexportable)
        {
            logger.LogWarning("Run {RunId} stops before calling the model: {Reason}", input.RunId, unexportable);
            stop = new DispatchResult(ChunkTotals.None, 0, Canceled: false, HopelessReason: unexportable);
        }
        else if (mode.Mode == RunModes.Batch)
        {
            stop = await RunChunksAsync(context, new BatchChunkLane(input.RunId, input.Spec.Batch, mode.CutoffUtc), input, tally, cancelRequested);
        }
        else
        {
            var runDeadline = started + input.Spec.Deadline;
            stop = groups.NeedsGroups
                ? await RunGroupsAsync(context, input, tally, groups, cancelRequested, runDeadline)
                : await RunChunksAsync(context, new OnlineChunkLane(input.RunId, input.Spec, runDeadline), input, tally, cancelRequested);
        }

        context.SetCustomStatus(tally.Progress(RunPhases.Finishing));
        var summary = new RunSummary(
            input.RunId,
            input.Spec.Name,
            input.Spec.Model,
            input.Spec.PromptVersion,
            input.Spec.Tags,
            tally.Outcome(stop.Canceled, stop.Hopeless, stop.OverBudget),
            stop.Reason,
            started,
            context.CurrentUtcDateTime,
            tally.Staging.RecordCount + tally.Staging.RejectedRecords,
            tally.Skipped,
            tally.Totals.Counters,
            input.RetryOf);
        summary = await context.CallActivityAsync<RunSummary>(nameof(WriteRunCostActivity), summary, ChunkDispatcher.ActivityRetry);
        var intakeQueue = input.Source.Kind == RunSourceKinds.Queue ? input.Source.Location : null;
        var export = await context.CallActivityAsync<RunExport>(
            nameof(ExportResultsActivity), new ExportRequest(input.RunId, input.Spec.Name, intakeQueue), ChunkDispatcher.ActivityRetry);
        summary = summary with { Export = export };
        context.SetCustomStatus(tally.Progress(RunPhases.Done));
        logger.LogInformation(
            "Run {RunId} finished {Outcome}: {Succeeded} succeeded, {Failed} failed, {Skipped} skipped",
            input.RunId, summary.Outcome, summary.All.Succeeded, summary.All.Failed, summary.Skipped);
        return summary;
    }

    /// <summary>
    /// Every chunk of the run in one window. In batch mode each chunk is a batch chunk sub-orchestration, with up to
    /// <c>maxParallelChunks</c> batches enqueued at once; chunks not started when the run stops stay unprocessed (skipped).
    /// </summary>
    private static async Task<DispatchResult> RunChunksAsync(
        TaskOrchestrationContext context, IChunkLane lane, RunInput input, RunTally tally, Task<string> cancelRequested)
    {
        var window = new AdaptiveWindow(input.Spec.MaxParallelChunks, input.Spec.MaxParallelChunks);
        var result = await ChunkDispatcher.RunAsync(
            context, lane, input.Spec, 0, tally.Staging.ChunkCount, window, cancelRequested, ChunkTotals.None,
            (totals, phase) => context.SetCustomStatus(tally.Progress(phase).Including(ProgressOf(totals))));
        tally.Add(result.Totals);
        return result;
    }

    /// <summary>Chunk groups one after another, each a sub-orchestration; the window carries over between them.</summary>
    private static async Task<DispatchResult> RunGroupsAsync(
        TaskOrchestrationContext context, RunInput input, RunTally tally, ChunkGroupPlan groups, Task<string> cancelRequested, DateTime? runDeadline)
    {
        var window = input.Spec.MaxParallelChunks;
        var canceled = cancelRequested.IsCompleted;
        string? hopeless = null;
        string? overBudget = null;
        for (var group = 0; group < groups.GroupCount && !canceled && hopeless is null && overBudget is null; group++)
        {
            var groupId = ChunkGroupInstanceId(input.RunId, group);
            context.SetCustomStatus(tally.Progress(RunPhases.Processing) with { ActiveGroupId = groupId });
            var groupTask = context.CallSubOrchestratorAsync<DispatchResult>(
                nameof(ChunkGroupOrchestrator),
                new ChunkGroupInput(input.RunId, input.Spec, groups.FirstChunkOf(group), groups.EndChunkOf(group), window, tally.Totals, runDeadline),
                new SubOrchestrationOptions { InstanceId = groupId });
            if (await Task.WhenAny(groupTask, cancelRequested) == cancelRequested && !groupTask.IsCompleted)
            {
                context.SendEvent(groupId, RunEvents.Cancel, "requested");
                context.SetCustomStatus(tally.Progress(RunPhases.Canceling) with { ActiveGroupId = groupId });
            }

            var result = await groupTask;
            tally.Add(result.Totals);
            window = result.FinalWindow;
            canceled = result.Canceled || cancelRequested.IsCompleted;
            hopeless = result.HopelessReason;
            overBudget = result.BudgetReason;
        }

        return new DispatchResult(tally.Totals, window, canceled, hopeless, overBudget);
    }

    public static string BatchChunkInstanceId(string runId, int chunk) => $"{runId}:b{chunk:D5}";

    public static string ChunkGroupInstanceId(string runId, int group) => $"{runId}:g{group:D5}";

    private static RunProgress ProgressOf(ChunkTotals totals) => new(string.Empty, 0, 0, totals.Chunks, totals.All);
}
