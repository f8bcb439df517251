namespace FunctionsBatch.Core.Runs;

/// <summary>Adds up chunk summaries into the run's progress and, at the end, its summary.</summary>
public sealed class RunTally
{
    public RunTally(StagingResult staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        Staging = staging;
    }

    public StagingResult Staging { get; }

    /// <summary>Everything finished so far, including a running chunk group's progress when one is merged in.</summary>
    public ChunkTotals Totals { get; private set; } = ChunkTotals.None;

    public int ChunksCompleted => Totals.Chunks;

    public int Processed => Totals.Processed;

    public int Succeeded => Totals.Succeeded;

    public int Failed => Totals.Failed;

    public int Requests => Totals.Requests;

    public int Throttled => Totals.Throttled;

    public int Repairs => Totals.Repairs;

    public int LedgerHits => Totals.LedgerHits;

    public TokenUsage Usage => Totals.Usage;

    public long CostMicros => Totals.CostMicros;

    /// <summary>Records that never reached the model: rejected at staging, or left undispatched by a cancel.</summary>
    public int Skipped => Staging.RejectedRecords + (Staging.RecordCount - Processed);

    public void Add(ChunkSummary chunk) => Totals = Totals.Plus(chunk);

    public void Add(ChunkTotals totals) => Totals = Totals.Plus(totals);

    public RunProgress Progress(string phase) => new(
        phase,
        Staging.RecordCount + Staging.RejectedRecords,
        Staging.ChunkCount,
        ChunksCompleted,
        Succeeded,
        Failed,
        Requests,
        Throttled,
        Usage,
        CostMicros);

    /// <param name="canceled">A cancel request stopped dispatching.</param>
    /// <param name="stopped">The run was stopped as hopeless (failure threshold).</param>
    /// <param name="overBudget">Dispatching stopped because the next chunk would pass the budget.</param>
    public RunOutcome Outcome(bool canceled, bool stopped = false, bool overBudget = false) => (canceled, Succeeded, Failed) switch
    {
        _ when stopped => RunOutcome.Failed,
        _ when overBudget => RunOutcome.BudgetExceeded,
        (true, _, _) => RunOutcome.Canceled,
        (_, _, 0) when Staging.RejectedRecords == 0 => RunOutcome.Succeeded,
        (_, 0, _) => RunOutcome.Failed,
        _ => RunOutcome.CompletedWithFailures,
    };
}
