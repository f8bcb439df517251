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
    long CostMicros)
{
    public static RunProgress Starting { get; } = new(RunPhases.Staging, 0, 0, 0, 0, 0, 0, 0, TokenUsage.Zero, 0);
}
