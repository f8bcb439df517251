using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>One row per (run, record); writes are idempotent upserts.</summary>
public interface IRunResultStore
{
    Task UpsertAsync(IReadOnlyList<RecordResult> results, CancellationToken cancellationToken);

    /// <summary>The rows a chunk already has: what an earlier, interrupted execution of it finished.</summary>
    Task<IReadOnlyList<RecordResult>> GetChunkAsync(string runId, int chunkIndex, CancellationToken cancellationToken);

    Task<ResultPage> QueryAsync(string runId, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
