using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// The one list of what a run is made of: the local host registers these with its durable worker, the container
/// resolves the activities, and the Functions metadata test checks that each has its thin Functions wrapper.
/// </summary>
public static class FunctionsBatchTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(BatchRunOrchestrator),
        typeof(ChunkGroupOrchestrator),
        typeof(BatchChunkOrchestrator),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(StageInputActivity),
        typeof(ProcessChunkActivity),
        typeof(WriteRunCostActivity),
        typeof(ExportResultsActivity),
        typeof(SubmitBatchActivity),
        typeof(GetBatchStatusActivity),
        typeof(CancelBatchActivity),
        typeof(CollectBatchActivity),
        typeof(ProcessBatchLeftoversActivity),
    ];
}
