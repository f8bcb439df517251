using FunctionsBatch.Orchestration.Batch;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Writes a chunk's (or a round's leftovers') JSONL from staging, uploads it and creates the batch; a redone submit returns the batch already created.</summary>
public sealed class SubmitBatchActivity(IBatchProcessor processor) : TaskActivity<BatchSubmitRequest, BatchSubmitResult>
{
    public override Task<BatchSubmitResult> RunAsync(TaskActivityContext context, BatchSubmitRequest input) =>
        processor.SubmitAsync(input, CancellationToken.None);
}
