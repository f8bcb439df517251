namespace FunctionsBatch.Http.Api;

/// <summary>One line of <c>GET /api/costs</c>: the runs sharing a value of the grouping dimension, summed.</summary>
public sealed record CostGroup(
    string Key,
    int Runs,
    int Records,
    int Succeeded,
    int Failed,
    int LedgerHits,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    long CostMicros,
    decimal CostUsd,
    long ListCostMicros,
    long WasteTokens,
    int Requests,
    int Truncated);
