using System.Text.Json.Serialization;

namespace FunctionsBatch.Core.Runs;

/// <summary>The sum of any number of chunk summaries: what a chunk group or a batch chunk reports back to its run.</summary>
public sealed record ChunkTotals(int Chunks, ModeCounters Counters)
{
    public static ChunkTotals None { get; } = new(0, ModeCounters.None);

    [JsonIgnore]
    public RunCounters All => Counters.All;

    public ChunkTotals Plus(ChunkSummary chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new(Chunks + 1, Counters + chunk.ByMode);
    }

    public ChunkTotals Plus(ChunkTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Chunks + other.Chunks, Counters + other.Counters);
    }
}
