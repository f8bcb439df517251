using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>The sum of any number of chunk summaries: what a chunk group reports back to its run.</summary>
public sealed record ChunkTotals(
    int Chunks,
    int Records,
    int Succeeded,
    int Failed,
    int Requests,
    int Throttled,
    int Repairs,
    TokenUsage Usage,
    long CostMicros,
    int LedgerHits = 0,
    ModeTotals? OnlinePart = null,
    ModeTotals? BatchPart = null)
{
    /// <summary>The part answered online; totals built without parts count as online.</summary>
    public ModeTotals Online => OnlinePart ?? ModeTotals.None;

    public ModeTotals Batch => BatchPart ?? ModeTotals.None;

    public static ChunkTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0, TokenUsage.Zero, 0);

    public int Processed => Succeeded + Failed;

    public ChunkTotals Plus(ChunkSummary chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new ChunkTotals(
            Chunks + 1, Records + chunk.Records, Succeeded + chunk.Succeeded, Failed + chunk.Failed, Requests + chunk.Requests,
            Throttled + chunk.Throttled, Repairs + chunk.Repairs, Usage + chunk.Usage, CostMicros + chunk.CostMicros, LedgerHits + chunk.LedgerHits,
            chunk.Mode == RunModes.Batch ? OnlinePart : Online.Plus(chunk),
            chunk.Mode == RunModes.Batch ? Batch.Plus(chunk) : BatchPart);
    }

    public ChunkTotals Plus(ChunkTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ChunkTotals(
            Chunks + other.Chunks, Records + other.Records, Succeeded + other.Succeeded, Failed + other.Failed, Requests + other.Requests,
            Throttled + other.Throttled, Repairs + other.Repairs, Usage + other.Usage, CostMicros + other.CostMicros, LedgerHits + other.LedgerHits,
            Merge(OnlinePart, other.OnlinePart), Merge(BatchPart, other.BatchPart));
    }

    private static ModeTotals? Merge(ModeTotals? left, ModeTotals? right) =>
        left is null ? right : left.Plus(right);
}
