namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>
/// The outcome of asking a deployment's limits to pay for one request. Remaining, limit and reset values are
/// null for an unlimited dimension; limits are per minute.
/// </summary>
public sealed record RateLimitDecision(
    bool Allowed,
    TimeSpan RetryAfter,
    RateLimitKind ExceededLimit,
    long? RemainingRequests,
    long? RemainingTokens,
    long? LimitRequests = null,
    long? LimitTokens = null,
    TimeSpan? ResetRequests = null,
    TimeSpan? ResetTokens = null);
