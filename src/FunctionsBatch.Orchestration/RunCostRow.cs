namespace FunctionsBatch.Orchestration;

/// <summary>A run's cost row as stored.</summary>
public sealed record RunCostRow(
    string RunId,
    string Job,
    string Model,
    string PromptVersion,
    string Tenant,
    string Feature,
    string Outcome,
    DateTime StartedUtc,
    DateTime CompletedUtc,
    int TotalRecords,
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    long CostMicros,
    int LedgerHits,
    string Mode);
