namespace FunctionsBatch.Simulator.Configuration;

/// <param name="Faults">Fault settings that override the simulator-wide ones for this deployment.</param>
public sealed record DeploymentConfig(long? TokensPerMinute, long? RequestsPerMinute, string? Model, FaultConfig? Faults = null);
