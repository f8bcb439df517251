using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>The outcome of one logical call, after any retries.</summary>
/// <param name="Retryable">For a failure: whether trying again later could succeed (429, 5xx, timeouts).</param>
/// <param name="Throttled">How many 429 answers were seen on the way.</param>
/// <param name="Rate">What the answer's <c>x-ratelimit-*</c> headers said about the deployment's limits.</param>
/// <param name="Waste">
/// Attempts billed whose answers were not used (an unreadable body, an answer lost in transit); their tokens are in
/// <see cref="Usage"/> too, so a call's usage is what the provider bills for it, estimated where no answer said.
/// </param>
/// <param name="Truncated">The answer was cut off at <c>max_tokens</c> (<c>finish_reason: length</c>).</param>
/// <param name="UsageEstimated">The answer had no <c>usage</c>; <see cref="Usage"/> is the tokenizer's count.</param>
public sealed record ChatCallResult(
    bool Succeeded,
    string? Content,
    TokenUsage Usage,
    int Attempts,
    int Throttled,
    int? HttpStatus,
    string? ErrorCode,
    string? ErrorMessage,
    bool Retryable,
    TimeSpan? RetryAfter,
    long LatencyMs,
    RateSignal? Rate = null,
    TokenWaste? Waste = null,
    bool Truncated = false,
    bool UsageEstimated = false)
{
    public static ChatCallResult Success(string content, TokenUsage usage, long latencyMs) =>
        new(true, content, usage, 1, 0, 200, null, null, false, null, latencyMs);

    public static ChatCallResult Failure(int? httpStatus, string errorCode, string message, bool retryable, TimeSpan? retryAfter, long latencyMs) =>
        new(false, null, TokenUsage.Zero, 1, httpStatus == 429 ? 1 : 0, httpStatus, errorCode, message, retryable, retryAfter, latencyMs);
}
