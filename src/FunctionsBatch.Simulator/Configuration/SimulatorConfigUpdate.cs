namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// Body of <c>POST /sim/config</c>: only the fields present change. A deployment entry replaces that
/// deployment's settings (its faults included); <c>resetDeployments</c> drops all per-deployment settings first.
/// <c>faults</c> changes only the simulator-wide fault fields it sets; <c>resetFaults</c> restores the built-in
/// fault defaults first.
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
    FaultConfig? Faults = null);
