namespace FunctionsBatch.Simulator.Faults;

/// <summary>The faults the simulator can inject; <see cref="FaultKinds.Name"/> gives the wire name.</summary>
public enum FaultKind
{
    Throttle,
    ServerError,
    Slow,
    Reset,
    Truncated,
    ContentFilter,
    SchemaViolation,
    NoChoices,
}
