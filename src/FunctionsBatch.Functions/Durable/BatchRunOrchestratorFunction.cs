using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionsBatch.Functions.Durable;

public static class BatchRunOrchestratorFunction
{
    [Function(nameof(BatchRunOrchestrator))]
    public static Task<RunSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BatchRunOrchestrator().RunAsync(context, context.GetInput<RunInput>()!);
    }
}
