using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Throttling;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// How <see cref="ChunkDispatcher"/> runs one chunk: an activity that calls the model online
/// (<see cref="OnlineChunkLane"/>), or a sub-orchestration that goes through the Batch API (<see cref="Batch.BatchChunkLane"/>).
/// Everything around it (the window, the budget, the failure threshold, cancels, progress) is the dispatcher's.
/// </summary>
internal interface IChunkLane
{
    /// <summary>Runs the chunk to its final totals (with <see cref="ChunkTotals.Chunks"/> = 1).</summary>
    /// <param name="window">Told of every send and what it met (<see cref="AdaptiveWindow.Dispatched"/>, <see cref="AdaptiveWindow.Completed"/>), so 429s narrow it at once.</param>
    /// <param name="stopping">Whether the run has stopped dispatching (a cancel, the failure threshold or the budget).</param>
    Task<ChunkTotals> RunAsync(TaskOrchestrationContext context, int chunkIndex, AdaptiveWindow window, Func<bool> stopping);

    /// <summary>Passes a cancel request on to a chunk in flight that can stop early.</summary>
    void Cancel(TaskOrchestrationContext context, int chunkIndex);
}
