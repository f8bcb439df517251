namespace FunctionsBatch.Http.Api;

/// <param name="Truncated">Records whose answer was cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>).</param>
/// <param name="EstimatedUsage">Records whose server sent no <c>usage</c>: their tokens and cost are the tokenizer's estimate.</param>
public sealed record RunCounts(
    int TotalRecords,
    int Processed,
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    int Throttled,
    int ChunksTotal,
    int ChunksCompleted,
    int Truncated,
    int EstimatedUsage);
