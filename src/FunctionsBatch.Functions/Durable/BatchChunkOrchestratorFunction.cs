using FunctionsBatch.Orchestration.Batch;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsBatch.Functions.Durable;

public static class BatchChunkOrchestratorFunction
{
    [Function(nameof(BatchChunkOrchestrator))]
    public static Task<BatchChunkResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BatchChunkOrchestrator().RunAsync(context, context.GetInput<BatchChunkInput>()!);
    }
}
