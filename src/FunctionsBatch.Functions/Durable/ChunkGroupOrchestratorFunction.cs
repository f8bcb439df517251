using FunctionsBatch.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsBatch.Functions.Durable;

public static class ChunkGroupOrchestratorFunction
{
    [Function(nameof(ChunkGroupOrchestrator))]
    public static Task<DispatchResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ChunkGroupOrchestrator().RunAsync(context, context.GetInput<ChunkGroupInput>()!);
    }
}
