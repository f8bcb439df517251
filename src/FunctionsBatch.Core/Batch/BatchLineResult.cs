using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Batch;

/// <summary>One line of a batch's output or error file, read.</summary>
/// <param name="Retryable">For a failure: whether sending the line again could succeed (expired, 429, 408, 5xx).</param>
/// <param name="Truncated">The answer was cut off at <c>max_tokens</c> (<c>finish_reason: length</c>).</param>
/// <param name="UsageMissing">The answer's body has no <c>usage</c> block, so <see cref="Usage"/> says nothing of what was billed.</param>
public sealed record BatchLineResult(
    string CustomId,
    bool Succeeded,
    string? Content,
    TokenUsage Usage,
    int? StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    bool Expired,
    bool Retryable,
    bool Truncated = false,
    bool UsageMissing = false);
