namespace FunctionsBatch.Core.Runs;

/// <summary>The fate of one record in one run: one row in the results table, keyed by (run, record).</summary>
public sealed record RecordResult(
    string RunId,
    string RecordId,
    int ChunkIndex,
    string Status,
    string? Output,
    TokenUsage Usage,
    long LatencyMs,
    int Attempts,
    int? HttpStatus,
    string? ErrorCode,
    string? ErrorMessage);
