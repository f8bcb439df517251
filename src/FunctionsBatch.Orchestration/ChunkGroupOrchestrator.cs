using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Throttling;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// Runs one group of a large run's chunks as its own orchestration, so its history (and the parent's)
/// stays bounded. It publishes its own progress; the run's status merges it in.
/// </summary>
public sealed class ChunkGroupOrchestrator : TaskOrchestrator<ChunkGroupInput, DispatchResult>
{
    public override Task<DispatchResult> RunAsync(TaskOrchestrationContext context, ChunkGroupInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancelRequested = context.WaitForExternalEvent<string>(RunEvents.Cancel);
        var window = new AdaptiveWindow(input.Spec.MaxParallelChunks, input.InitialWindow);
        return ChunkDispatcher.RunAsync(
            context,
            new OnlineChunkLane(input.RunId, input.Spec, input.RunDeadline),
            input.Spec,
            input.FirstChunk,
            input.EndChunk,
            window,
            cancelRequested,
            input.Before,
            (totals, phase) => context.SetCustomStatus(GroupProgress(totals, phase, input)));
    }

    private static RunProgress GroupProgress(ChunkTotals totals, string phase, ChunkGroupInput input) =>
        new(phase, 0, input.EndChunk - input.FirstChunk, totals.Chunks, totals.All);
}
