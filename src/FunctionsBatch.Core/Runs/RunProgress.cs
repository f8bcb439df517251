using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsBatch.Core.Runs;

/// <summary>Published as the orchestration's custom status while a run is going.</summary>
public sealed record RunProgress(string Phase, int TotalRecords, int ChunksTotal, int ChunksCompleted, RunCounters Counters, string? ActiveGroupId = null)
{
    private readonly RunCounters? _counters = Counters;

    public static RunProgress Starting { get; } = new(RunPhases.Staging, 0, 0, 0, RunCounters.None);

    /// <summary>The run's progress plus what its running chunk group has finished so far.</summary>
    public RunProgress Including(RunProgress group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return this with { ChunksCompleted = ChunksCompleted + group.ChunksCompleted, Counters = Counters + group.Counters };
    }

    public RunCounters Counters
    {
        get => _counters ?? LegacyCounters.Read(Legacy).All;
        init => _counters = value;
    }

    /// <summary>Fields of a progress stored before <see cref="RunCounters"/> existed (see <see cref="LegacyCounters"/>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Legacy { get; init; }
}
