using System.Text.Json.Serialization;
using FunctionsBatch.Simulator.RateLimiting;

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
    FaultPolicy Faults,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RateLimitShape>))] RateLimitShape RateLimitShape = RateLimitShape.Window,
    double RateLimitWindowSeconds = RateLimits.DefaultWindowSeconds,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RateHeaders>))] RateHeaders RateLimitHeaders = RateHeaders.Azure,
    bool OmitUsage = false)
{
    public RateLimits LimitsFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d)
            ? new RateLimits(d.TokensPerMinute ?? DefaultTokensPerMinute, d.RequestsPerMinute ?? DefaultRequestsPerMinute, RateLimitShape, RateLimitWindowSeconds)
            : new RateLimits(DefaultTokensPerMinute, DefaultRequestsPerMinute, RateLimitShape, RateLimitWindowSeconds);

    /// <summary>The simulator-wide faults with the deployment's own fault settings laid over them.</summary>
    public FaultPolicy FaultsFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d) ? Faults.With(d.Faults) : Faults;

    public string ModelFor(string deployment) =>
        Deployments.TryGetValue(deployment, out var d) && !string.IsNullOrWhiteSpace(d.Model) ? d.Model : deployment;
}
