using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>The cost rows: one total per run, one per run × model × mode.</summary>
public interface IRunCostStore
{
    Task UpsertAsync(RunSummary run, CancellationToken cancellationToken);

    Task<RunCostRow?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Cost rows of runs started in [from, to): run totals and their model × mode parts.</summary>
    Task<IReadOnlyList<RunCostRow>> QueryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
