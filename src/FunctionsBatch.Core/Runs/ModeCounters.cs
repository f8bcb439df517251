using System.Text.Json.Serialization;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>A run's counters split by how the model was called: the source of its cost rows (one per model × mode).</summary>
public sealed record ModeCounters(RunCounters Online, RunCounters Batch)
{
    public static ModeCounters None { get; } = new(RunCounters.None, RunCounters.None);

    /// <summary>Both modes together.</summary>
    [JsonIgnore]
    public RunCounters All => Online + Batch;

    /// <summary><c>online</c>, <c>batch</c>, or <c>mixed</c> when the run used both.</summary>
    [JsonIgnore]
    public string Mode => (Online.IsEmpty, Batch.IsEmpty) switch
    {
        (false, false) => RunModes.Mixed,
        (true, false) => RunModes.Batch,
        _ => RunModes.Online,
    };

    public static ModeCounters Of(string mode, RunCounters counters) =>
        mode == RunModes.Batch ? new(RunCounters.None, counters) : new(counters, RunCounters.None);

    public static ModeCounters operator +(ModeCounters left, ModeCounters right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Online + right.Online, left.Batch + right.Batch);
    }

    public ModeCounters Add(ModeCounters other) => this + other;
}
