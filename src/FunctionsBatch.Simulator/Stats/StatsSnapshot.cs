namespace FunctionsBatch.Simulator.Stats;

/// <summary>The body of <c>GET /sim/stats</c>.</summary>
public sealed record StatsSnapshot(
    long Requests,
    long Succeeded,
    long Throttled,
    long Failed,
    long PromptTokens,
    long CompletionTokens,
    IReadOnlyDictionary<string, CountersSnapshot> ByDeployment);
