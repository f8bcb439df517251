using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The work of a batch chunk's activities, behind one seam.</summary>
public interface IBatchProcessor
{
    Task<BatchSubmitResult> SubmitAsync(BatchSubmitRequest request, CancellationToken cancellationToken);

    Task<BatchCollectResult> CollectAsync(BatchCollectRequest request, CancellationToken cancellationToken);

    Task<ChunkSummary> ProcessLeftoversOnlineAsync(BatchLeftoversRef leftovers, CancellationToken cancellationToken);
}
