using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>The per-run cost rows.</summary>
public interface IRunCostStore
{
    Task UpsertAsync(RunSummary run, CancellationToken cancellationToken);

    Task<RunCostRow?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Cost rows of runs started in [from, to).</summary>
    Task<IReadOnlyList<RunCostRow>> QueryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
