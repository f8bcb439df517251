namespace FunctionsBatch.Simulator.Configuration;

public sealed record DeploymentConfig(long? TokensPerMinute, long? RequestsPerMinute, string? Model);
