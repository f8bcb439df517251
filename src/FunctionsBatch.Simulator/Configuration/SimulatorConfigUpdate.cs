using System.Text.Json.Serialization;
using FunctionsBatch.Simulator.RateLimiting;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// Body of <c>POST /sim/config</c>: only the fields present change. A deployment entry replaces that
/// deployment's settings (its faults included); <c>resetDeployments</c> drops all per-deployment settings first.
/// <c>faults</c> changes only the simulator-wide fault fields it sets; <c>resetFaults</c> restores the built-in
/// fault defaults first. <c>rateLimitShape</c> (<c>Window</c> or <c>Bucket</c>), <c>rateLimitWindowSeconds</c> and
/// <c>rateLimitHeaders</c> (<c>Azure</c> or <c>OpenAI</c>) change how every limit is enforced and reported; <c>omitUsage</c>
/// sends answers without a <c>usage</c> block.
/// </summary>
public sealed record SimulatorConfigUpdate(
    int? LatencyMs = null,
    int? LatencyJitterMs = null,
    long? DefaultTokensPerMinute = null,
    long? DefaultRequestsPerMinute = null,
    int? ContextWindow = null,
    string? ApiKey = null,
    bool ResetDeployments = false,
    Dictionary<string, DeploymentConfig>? Deployments = null,
    bool ResetFaults = false,
    FaultConfig? Faults = null,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RateLimitShape>))] RateLimitShape? RateLimitShape = null,
    double? RateLimitWindowSeconds = null,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RateHeaders>))] RateHeaders? RateLimitHeaders = null,
    bool? OmitUsage = null);
