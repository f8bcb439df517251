namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>
/// The outcome of asking a deployment's buckets to pay for one request. Remaining values are null for an
/// unlimited dimension.
/// </summary>
public sealed record RateLimitDecision(
    bool Allowed,
    TimeSpan RetryAfter,
    RateLimitKind ExceededLimit,
    long? RemainingRequests,
    long? RemainingTokens);
