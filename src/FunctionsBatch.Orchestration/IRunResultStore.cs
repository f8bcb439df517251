using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>One row per (run, record); writes are idempotent upserts.</summary>
public interface IRunResultStore
{
    Task UpsertAsync(IReadOnlyList<RecordResult> results, CancellationToken cancellationToken);

    Task<ResultPage> QueryAsync(string runId, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
