namespace FunctionsBatch.Core.Runs;

/// <summary>The fate of one record in one run: one row in the results table, keyed by (run, record).</summary>
/// <param name="Mode">How the answer was obtained: online or batch (null on rows written before batch mode existed: online).</param>
/// <param name="FromLedger">The answer was reused from an earlier run with the same content key; no tokens were spent.</param>
/// <param name="Throttled">How many 429 answers the record's calls met on the way.</param>
/// <param name="Truncated">The answer kept was cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>).</param>
/// <param name="UsageEstimated">
/// The server's answer had no <c>usage</c>: <see cref="Usage"/> is the tokenizer's count (the prompt exactly, the
/// completion from its text), not a billed figure.
/// </param>
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
    string? ErrorMessage,
    string? ContentKey = null,
    bool FromLedger = false,
    int Throttled = 0,
    string? Mode = null,
    bool UsageEstimated = false,
    bool Truncated = false);
