using System.Collections.Concurrent;
using FunctionsBatch.Simulator.Batches;

namespace FunctionsBatch.Simulator.Stats;

/// <summary>The counters between two resets.</summary>
internal sealed class StatsScope
{
    public RequestCounters Total { get; } = new();

    public BatchCounters Batch { get; } = new();

    public ConcurrentDictionary<string, RequestCounters> ByDeployment { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RequestCounters For(string deployment) => ByDeployment.GetOrAdd(deployment, static _ => new RequestCounters());
}
