using System.Text.Json.Serialization;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>The small result a chunk returns into history; per-record detail lives in the results table.</summary>
/// <param name="Mode">How these records were answered: <see cref="RunModes.Online"/> or <see cref="RunModes.Batch"/>.</param>
/// <param name="Counters">What the chunk did, priced at the mode's price so a budget can stop any run.</param>
/// <param name="Deferred">
/// Records still waiting for the rate limit when the chunk's time limit came: they have no row yet, and the chunk
/// is sent again for them. A summary with deferred records is not the chunk's final one.
/// </param>
public sealed record ChunkSummary(int ChunkIndex, string Mode, RunCounters Counters, long DurationMs, int Deferred = 0)
{
    [JsonIgnore]
    public ModeCounters ByMode => ModeCounters.Of(Mode, Counters);
}
