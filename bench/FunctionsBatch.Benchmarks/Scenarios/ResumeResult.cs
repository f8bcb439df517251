namespace FunctionsBatch.Benchmarks.Scenarios;

/// <param name="DuplicateCalls">Simulator requests − records: calls made again because of the kill.</param>
/// <param name="DuplicateBound">The most the design allows: per chunk in flight, its unwritten batch plus its requests in flight.</param>
/// <param name="ResumeGapSeconds">From the SIGKILL to the first model call of the restarted host.</param>
public sealed record ResumeResult(
    ResumeParameters Parameters,
    int ProcessedAtKill,
    long SimulatorRequestsAtKill,
    string RuntimeStatus,
    string? Outcome,
    int Succeeded,
    int Failed,
    int ResultRows,
    int DistinctResultIds,
    long SimulatorRequests,
    long DuplicateCalls,
    double DuplicateShare,
    long DuplicateBound,
    double ResumeGapSeconds,
    double Seconds);
