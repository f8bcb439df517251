using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsBatch.Core.Runs;

/// <summary>The orchestration output, and the source of the run's cost rows (one per run, one per model × mode).</summary>
/// <param name="TotalRecords">Every record of the input, the rejected ones included.</param>
/// <param name="Skipped">Records that never reached the model: rejected at staging, or never dispatched.</param>
/// <param name="Counters">What each mode did; priced once the cost row is written.</param>
/// <param name="Export">Where the results were exported once the run finished.</param>
public sealed record RunSummary(
    string RunId,
    string Job,
    string Model,
    string PromptVersion,
    IReadOnlyDictionary<string, string> Tags,
    RunOutcome Outcome,
    string? Reason,
    DateTime StartedUtc,
    DateTime CompletedUtc,
    int TotalRecords,
    int Skipped,
    ModeCounters Counters,
    string? RetryOf = null,
    RunExport? Export = null)
{
    private readonly ModeCounters? _counters = Counters;

    public ModeCounters Counters
    {
        get => _counters ?? LegacyCounters.Read(Legacy);
        init => _counters = value;
    }

    [JsonIgnore]
    public RunCounters All => Counters.All;

    /// <summary>Fields of a summary stored before <see cref="RunCounters"/> existed (see <see cref="LegacyCounters"/>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Legacy { get; init; }
}
