using FunctionsBatch.Simulator.Batches;

namespace FunctionsBatch.Simulator.Stats;

/// <summary>
/// Chat completion totals since start or the last reset. Usage tokens count only successful answers, which
/// is what a caller is billed for.
/// </summary>
public sealed class SimulatorStats
{
    private volatile StatsScope _scope = new();

    public TrackedRequest Received(string deployment)
    {
        var scope = _scope;
        return new TrackedRequest(scope.Total, scope.For(deployment));
    }

    /// <summary>The batch counters current now; a batch binds them when it is created.</summary>
    public BatchCounters Batch => _scope.Batch;

    public StatsSnapshot Snapshot()
    {
        var scope = _scope;
        var total = scope.Total.Snapshot();
        var byDeployment = scope.ByDeployment
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(d => d.Key, d => d.Value.Snapshot(), StringComparer.Ordinal);
        return new StatsSnapshot(
            total.Requests, total.Succeeded, total.Throttled, total.Failed, total.PromptTokens, total.CompletionTokens, total.BilledTokens, total.Faults, byDeployment, scope.Batch.Snapshot());
    }

    public void Reset() => _scope = new StatsScope();
}
