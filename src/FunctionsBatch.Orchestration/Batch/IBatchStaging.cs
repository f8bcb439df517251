namespace FunctionsBatch.Orchestration.Batch;

/// <summary>What a batch chunk keeps outside history: its submissions (so a redone submit does not pay twice) and the lines left for the next round.</summary>
public interface IBatchStaging
{
    Task<BatchSubmitResult?> GetSubmissionAsync(BatchSubmitRequest request, CancellationToken cancellationToken);

    Task SaveSubmissionAsync(BatchSubmitRequest request, BatchSubmitResult result, CancellationToken cancellationToken);

    /// <summary>The record positions a round sends again; round 0 is the whole chunk and has none stored.</summary>
    Task<IReadOnlyList<int>> GetLeftoversAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken);

    /// <summary>The record positions a round put in its input file (its lines less those settled without the model).</summary>
    Task<IReadOnlyList<int>> GetSubmittedAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken);

    Task SaveSubmittedAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken);

    Task SaveLeftoversAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken);
}
