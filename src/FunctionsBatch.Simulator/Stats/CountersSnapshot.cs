namespace FunctionsBatch.Simulator.Stats;

/// <param name="PromptTokens">Usage of successful answers only (200 with a well-formed body).</param>
/// <param name="CompletionTokens">Usage of successful answers only (200 with a well-formed body).</param>
/// <param name="BilledTokens">Prompt plus completion tokens of every answer the model produced, also those lost on the way (reset, truncated, no choices): what the provider bills.</param>
/// <param name="Faults">Faults injected, by kind name (throttle, server_error, ...); a faulted request also counts as throttled or failed.</param>
public sealed record CountersSnapshot(
    long Requests,
    long Succeeded,
    long Throttled,
    long Failed,
    long PromptTokens,
    long CompletionTokens,
    long BilledTokens,
    IReadOnlyDictionary<string, long> Faults);
