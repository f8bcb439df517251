using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>The small result a chunk returns into history; per-record detail lives in the results table.</summary>
/// <param name="Repairs">Re-asks sent because an output did not match the response schema.</param>
/// <param name="Deferred">
/// Records still waiting for the rate limit when the chunk's time limit came: they have no row yet, and the chunk
/// is sent again for them. A summary with deferred records is not the chunk's final one.
/// </param>
/// <param name="Waste">Tokens billed for answers not used, by cause (none when null).</param>
/// <param name="Mode">How these records were answered: <see cref="RunModes.Online"/> or <see cref="RunModes.Batch"/>.</param>
public sealed record ChunkSummary(
    int ChunkIndex,
    int Records,
    int Succeeded,
    int Failed,
    int Requests,
    int Throttled,
    TokenUsage Usage,
    long CostMicros,
    long DurationMs,
    int Repairs = 0,
    int LedgerHits = 0,
    string Mode = RunModes.Online,
    int Retries = 0,
    TokenWaste? Waste = null,
    int FailedLines = 0,
    int ExpiredLines = 0,
    int ResubmittedLines = 0,
    int Deferred = 0);
