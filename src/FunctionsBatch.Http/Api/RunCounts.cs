namespace FunctionsBatch.Http.Api;

public sealed record RunCounts(
    int TotalRecords,
    int Processed,
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    int Throttled,
    int ChunksTotal,
    int ChunksCompleted);
