namespace FunctionsBatch.Client;

public sealed record RunProgressDto(
    int TotalRecords,
    int Processed,
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    int Throttled,
    int ChunksTotal,
    int ChunksCompleted,
    int Truncated = 0,
    int EstimatedUsage = 0)
{
    public static RunProgressDto Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Records with a final state; the API's <c>processed</c> leaves skipped records out.</summary>
    public int Done => Processed + Skipped;
}
