using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>The per-run cost rows.</summary>
public interface IRunCostStore
{
    Task UpsertAsync(RunSummary run, CancellationToken cancellationToken);

    Task<RunCostRow?> GetAsync(string runId, CancellationToken cancellationToken);
}
