namespace FunctionsBatch.Simulator.Stats;

public enum RequestOutcome
{
    Succeeded,
    Throttled,
    Failed,
}
