using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>In-memory cost rows keyed by run id; every upsert is recorded, so duplicates are visible.</summary>
public sealed class FakeRunCostStore : IRunCostStore
{
    private readonly ConcurrentQueue<RunSummary> _upserts = new();
    private readonly ConcurrentDictionary<string, RunSummary> _rows = new(StringComparer.Ordinal);

    public IReadOnlyList<RunSummary> Upserts => _upserts.ToArray();

    public IReadOnlyDictionary<string, RunSummary> Rows => _rows;

    public Task UpsertAsync(RunSummary run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        _upserts.Enqueue(run);
        _rows[run.RunId] = run;
        return Task.CompletedTask;
    }

    public Task<RunCostRow?> GetAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(runId, out var run)
            ? new RunCostRow(
                run.RunId, RunCostRow.RunRowKey, run.Job, run.Model, run.PromptVersion,
                run.Tags.GetValueOrDefault("tenant", string.Empty), run.Tags.GetValueOrDefault("feature", string.Empty),
                run.Outcome.ToString(), run.Counters.Mode, run.StartedUtc, run.CompletedUtc, run.TotalRecords, run.Skipped, run.All)
            : null);

    public Task<IReadOnlyList<RunCostRow>> QueryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the orchestrator only writes cost rows");
}
