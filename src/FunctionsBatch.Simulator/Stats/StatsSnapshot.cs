using FunctionsBatch.Simulator.Batches;

namespace FunctionsBatch.Simulator.Stats;

/// <summary>
/// The body of <c>GET /sim/stats</c>. The top-level counters are online chat completions; <c>batch</c> counts the
/// Batch API apart (its tokens are billed at the batch price). Token totals count only successful answers (200 with a well-formed body, a
/// schema-violating one included); <c>billedTokens</c> adds the answers produced and lost on the way; <c>faults</c> counts injected faults by kind. An injected 429 counts as
/// throttled; injected 5xx, resets, truncated bodies, content filter refusals and slow requests the client gave
/// up on count as failed.
/// </summary>
public sealed record StatsSnapshot(
    long Requests,
    long Succeeded,
    long Throttled,
    long Failed,
    long PromptTokens,
    long CompletionTokens,
    long BilledTokens,
    IReadOnlyDictionary<string, long> Faults,
    IReadOnlyDictionary<string, CountersSnapshot> ByDeployment,
    BatchStatsSnapshot? Batch = null);
