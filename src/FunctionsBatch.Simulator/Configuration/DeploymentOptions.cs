namespace FunctionsBatch.Simulator.Configuration;

/// <summary>Per-deployment overrides; a missing limit falls back to the simulator-wide default.</summary>
public sealed class DeploymentOptions
{
    public long? TokensPerMinute { get; set; }

    public long? RequestsPerMinute { get; set; }

    /// <summary>The model name reported in responses; the deployment name when absent.</summary>
    public string? Model { get; set; }

    /// <summary>Fault settings for this deployment; a missing field falls back to <c>Simulator:Faults</c>.</summary>
    public FaultConfig? Faults { get; set; }
}
