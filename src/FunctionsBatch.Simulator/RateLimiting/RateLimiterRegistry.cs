using System.Collections.Concurrent;
using FunctionsBatch.Simulator.Configuration;

namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>
/// One <see cref="DeploymentLimiter"/> per deployment, created full on first use. When a deployment's limits
/// change at run time its limiter is replaced by a full one at the new limits.
/// </summary>
public sealed class RateLimiterRegistry(SimulatorSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DeploymentLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public RateLimitDecision TryAcquire(string deployment, long estimatedTokens)
    {
        var limits = settings.Current.LimitsFor(deployment);
        var limiter = _limiters.AddOrUpdate(
            deployment,
            static (_, state) => new DeploymentLimiter(state.limits, state.time),
            static (_, existing, state) => existing.Limits == state.limits ? existing : new DeploymentLimiter(state.limits, state.time),
            (limits, time));
        return limiter.TryAcquire(estimatedTokens);
    }

    /// <summary>Drops every bucket, so each deployment starts full again.</summary>
    public void Reset() => _limiters.Clear();
}
