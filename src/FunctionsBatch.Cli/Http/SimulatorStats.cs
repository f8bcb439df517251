namespace FunctionsBatch.Cli.Http;

/// <summary>The counters of the simulator's <c>GET /sim/stats</c> that a run is checked against.</summary>
public sealed record SimulatorStats(long PromptTokens, long CompletionTokens, long? Requests)
{
    public SimulatorStats Minus(SimulatorStats before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new SimulatorStats(PromptTokens - before.PromptTokens, CompletionTokens - before.CompletionTokens, Requests - before.Requests);
    }
}
