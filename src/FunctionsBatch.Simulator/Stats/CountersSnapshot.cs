namespace FunctionsBatch.Simulator.Stats;

public sealed record CountersSnapshot(
    long Requests,
    long Succeeded,
    long Throttled,
    long Failed,
    long PromptTokens,
    long CompletionTokens);
