namespace FunctionsBatch.Core.Runs;

/// <summary>The orchestration output, and the source of the run's cost rows (one per run, one per model × mode).</summary>
/// <param name="Online">The part answered with chat completions; when neither part is set the whole run was online.</param>
/// <param name="Batch">The part answered through the Batch API.</param>
/// <param name="ListCostMicros">What the tokens would cost at list price, with no batch or cache discount.</param>
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
    RunExport? Export = null,
    ModeTotals? Online = null,
    ModeTotals? Batch = null,
    long ListCostMicros = 0);
