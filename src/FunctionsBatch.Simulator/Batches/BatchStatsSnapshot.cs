namespace FunctionsBatch.Simulator.Batches;

/// <summary>
/// The <c>batch</c> part of <c>GET /sim/stats</c>. Tokens count only lines answered 200 (what the Batch API bills);
/// <c>lines</c> counts lines of accepted batches, <c>quotaRejected</c> batches refused for the enqueued-token limit.
/// </summary>
public sealed record BatchStatsSnapshot(
    long Created,
    long Completed,
    long Expired,
    long Failed,
    long Cancelled,
    long QuotaRejected,
    long Lines,
    long LinesSucceeded,
    long LinesFailed,
    long LinesExpired,
    long PromptTokens,
    long CompletionTokens);
