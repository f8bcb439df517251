using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Throttling;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>
/// A chunk as a <see cref="BatchChunkOrchestrator"/> sub-orchestration: submit, poll on durable timers, collect,
/// resubmit. A cancel is passed on to it, and it cancels its remote batch, keeping what was answered.
/// </summary>
/// <param name="cutoffUtc">When set, a batch still running then is cancelled and its unanswered records go online.</param>
internal sealed class BatchChunkLane(string runId, BatchOptions options, DateTime? cutoffUtc) : IChunkLane
{
    public async Task<ChunkTotals> RunAsync(TaskOrchestrationContext context, int chunkIndex, AdaptiveWindow window, Func<bool> stopping)
    {
        var ticket = window.Dispatched();
        var result = await context.CallSubOrchestratorAsync<BatchChunkResult>(
            nameof(BatchChunkOrchestrator),
            new BatchChunkInput(runId, options, chunkIndex, cutoffUtc),
            new SubOrchestrationOptions { InstanceId = BatchRunOrchestrator.BatchChunkInstanceId(runId, chunkIndex) });
        window.Completed(ticket, result.Totals.All.Throttled);
        return result.Totals with { Chunks = 1 };
    }

    public void Cancel(TaskOrchestrationContext context, int chunkIndex) =>
        context.SendEvent(BatchRunOrchestrator.BatchChunkInstanceId(runId, chunkIndex), RunEvents.Cancel, "requested");
}
