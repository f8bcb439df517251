namespace FunctionsBatch.Core.Runs;

/// <summary>Published as the orchestration's custom status while a run is going.</summary>
public sealed record RunProgress(
    string Phase,
    int TotalRecords,
    int ChunksTotal,
    int ChunksCompleted,
    int Succeeded,
    int Failed,
    int Requests,
    int Throttled,
    TokenUsage Usage,
    long CostMicros,
    string? ActiveGroupId = null)
{
    /// <summary>The run's progress plus what its running chunk group has finished so far.</summary>
    public RunProgress Including(RunProgress group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return this with
        {
            ChunksCompleted = ChunksCompleted + group.ChunksCompleted,
            Succeeded = Succeeded + group.Succeeded,
            Failed = Failed + group.Failed,
            Requests = Requests + group.Requests,
            Throttled = Throttled + group.Throttled,
            Usage = Usage + group.Usage,
            CostMicros = CostMicros + group.CostMicros,
        };
    }

    public static RunProgress Starting { get; } = new(RunPhases.Staging, 0, 0, 0, 0, 0, 0, 0, TokenUsage.Zero, 0);
}
