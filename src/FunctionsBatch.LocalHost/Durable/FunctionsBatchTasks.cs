using FunctionsBatch.Orchestration;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>The one place to list what the local host runs; the Functions app lists the same types as functions.</summary>
public static class FunctionsBatchTasks
{
    public static TaskRegistry Create() => new TaskRegistry()
        .AddOrchestrator<BatchRunOrchestrator>()
        .AddOrchestrator<ChunkGroupOrchestrator>()
        .AddActivity<StageInputActivity>()
        .AddActivity<ProcessChunkActivity>()
        .AddActivity<WriteRunCostActivity>()
        .AddActivity<ExportResultsActivity>()
        .AddOrchestrator<BatchChunkOrchestrator>()
        .AddActivity<SubmitBatchActivity>()
        .AddActivity<GetBatchStatusActivity>()
        .AddActivity<CancelBatchActivity>()
        .AddActivity<CollectBatchActivity>()
        .AddActivity<ProcessBatchLeftoversActivity>();
}
