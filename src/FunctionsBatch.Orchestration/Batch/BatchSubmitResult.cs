using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>What submitting a round did.</summary>
/// <param name="Batch">The created batch; null when nothing was sent (quota full, nothing left, or the chunk must go online).</param>
/// <param name="QuotaFull">The enqueued-token quota has no room for this batch now: wait and try again.</param>
/// <param name="OnlineInstead">The batch alone is larger than the quota: it can never be enqueued, so its records go online.</param>
/// <param name="Settled">Records finished without the model before submitting (ledger hits, unrenderable records).</param>
public sealed record BatchSubmitResult(BatchJob? Batch, int Lines, long EnqueuedTokens, bool QuotaFull, bool OnlineInstead, ChunkSummary? Settled, string? Reason = null);
