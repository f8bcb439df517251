using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Processes online, through the chunk processor, only the records a batch left unanswered.</summary>
public sealed class ProcessBatchLeftoversActivity(IBatchProcessor processor) : TaskActivity<BatchLeftoversRef, ChunkSummary>
{
    public override Task<ChunkSummary> RunAsync(TaskActivityContext context, BatchLeftoversRef input) =>
        processor.ProcessLeftoversOnlineAsync(input, CancellationToken.None);
}
