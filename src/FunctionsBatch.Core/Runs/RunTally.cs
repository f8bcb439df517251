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

    /// <summary>Records that never reached the model: rejected at staging, or left undispatched by a cancel.</summary>
    public int Skipped => Staging.RejectedRecords + (Staging.RecordCount - Totals.All.Processed);

    public void Add(ChunkTotals totals) => Totals = Totals.Plus(totals);

    public RunProgress Progress(string phase) =>
        new(phase, Staging.RecordCount + Staging.RejectedRecords, Staging.ChunkCount, Totals.Chunks, Totals.All);

    /// <param name="canceled">A cancel request stopped dispatching.</param>
    /// <param name="stopped">The run was stopped as hopeless (failure threshold).</param>
    /// <param name="overBudget">Dispatching stopped because the next chunk would pass the budget.</param>
    public RunOutcome Outcome(bool canceled, bool stopped = false, bool overBudget = false) => (canceled, Totals.All.Succeeded, Totals.All.Failed) switch
    {
        _ when stopped => RunOutcome.Failed,
        _ when overBudget => RunOutcome.BudgetExceeded,
        (true, _, _) => RunOutcome.Canceled,
        (_, _, 0) when Staging.RejectedRecords == 0 => RunOutcome.Succeeded,
        (_, 0, _) => RunOutcome.Failed,
        _ => RunOutcome.CompletedWithFailures,
    };
}
