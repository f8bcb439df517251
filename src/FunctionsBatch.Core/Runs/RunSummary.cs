namespace FunctionsBatch.Core.Runs;

/// <summary>The orchestration output, and the source of the run's cost row.</summary>
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
    int Succeeded,
    int Failed,
    int Skipped,
    int Requests,
    int Throttled,
    TokenUsage Usage,
    long CostMicros,
    string? RetryOf = null,
    int Repairs = 0,
    int LedgerHits = 0,
    RunExport? Export = null);
