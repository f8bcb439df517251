namespace FunctionsBatch.Core.Runs;

/// <summary>The small result a chunk returns into history; per-record detail lives in the results table.</summary>
/// <param name="Repairs">Re-asks sent because an output did not match the response schema.</param>
public sealed record ChunkSummary(
    int ChunkIndex,
    int Records,
    int Succeeded,
    int Failed,
    int Requests,
    int Throttled,
    TokenUsage Usage,
    long CostMicros,
    long DurationMs,
    int Repairs = 0,
    int LedgerHits = 0);
