namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// Body of <c>POST /sim/config</c>: only the fields present change. A deployment entry replaces that
/// deployment's settings; <c>resetDeployments</c> drops all per-deployment settings first.
/// </summary>
public sealed record SimulatorConfigUpdate(
    int? LatencyMs = null,
    int? LatencyJitterMs = null,
    long? DefaultTokensPerMinute = null,
    long? DefaultRequestsPerMinute = null,
    int? ContextWindow = null,
    string? ApiKey = null,
    bool ResetDeployments = false,
    Dictionary<string, DeploymentConfig>? Deployments = null);
