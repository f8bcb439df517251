namespace FunctionsBatch.Core.Runs;

/// <summary>Published as the orchestration's custom status while a run is going.</summary>
public sealed record RunProgress(string Phase, int TotalRecords, int ChunksTotal, int ChunksCompleted, RunCounters Counters, string? ActiveGroupId = null)
{
    public static RunProgress Starting { get; } = new(RunPhases.Staging, 0, 0, 0, RunCounters.None);

    /// <summary>The run's progress plus what its running chunk group has finished so far.</summary>
    public RunProgress Including(RunProgress group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return this with { ChunksCompleted = ChunksCompleted + group.ChunksCompleted, Counters = Counters + group.Counters };
    }
}
