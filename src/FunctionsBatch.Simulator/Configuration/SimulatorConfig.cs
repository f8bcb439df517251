using System.Text.Json.Serialization;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>An immutable snapshot of the simulator's settings, swapped whole when reconfigured at run time.</summary>
public sealed record SimulatorConfig(
    [property: JsonIgnore] string ApiKey,
    int LatencyMs,
    int LatencyJitterMs,
    long DefaultTokensPerMinute,
    long DefaultRequestsPerMinute,
    int ContextWindow,
    IReadOnlyDictionary<string, DeploymentConfig> Deployments,
    FaultPolicy Faults)
{
    public RateLimits LimitsFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d)
            ? new RateLimits(d.TokensPerMinute ?? DefaultTokensPerMinute, d.RequestsPerMinute ?? DefaultRequestsPerMinute)
            : new RateLimits(DefaultTokensPerMinute, DefaultRequestsPerMinute);

    /// <summary>The simulator-wide faults with the deployment's own fault settings laid over them.</summary>
    public FaultPolicy FaultsFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d) ? Faults.With(d.Faults) : Faults;

    public string ModelFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d) && !string.IsNullOrWhiteSpace(d.Model) ? d.Model : deployment;
}
