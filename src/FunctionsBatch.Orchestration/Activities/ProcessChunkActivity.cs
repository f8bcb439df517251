using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Runs the model over one staged chunk and upserts one result row per record.</summary>
public sealed class ProcessChunkActivity(IChunkProcessor processor) : TaskActivity<ChunkRef, ChunkSummary>
{
    public override Task<ChunkSummary> RunAsync(TaskActivityContext context, ChunkRef input) =>
        processor.ProcessAsync(input, CancellationToken.None);
}
