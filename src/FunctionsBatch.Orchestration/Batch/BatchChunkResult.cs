using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>A batch chunk's totals (batch and online parts), how many batches it used and whether a cancel stopped it.</summary>
public sealed record BatchChunkResult(ChunkTotals Totals, int Batches, int QuotaWaits, bool Canceled);
