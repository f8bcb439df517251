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

    public int ChunksCompleted { get; private set; }

    public int Processed => Succeeded + Failed;

    public int Succeeded { get; private set; }

    public int Failed { get; private set; }

    public int Requests { get; private set; }

    public int Throttled { get; private set; }

    public int Repairs { get; private set; }

    public TokenUsage Usage { get; private set; }

    public long CostMicros { get; private set; }

    /// <summary>Records that never reached the model: rejected at staging, or left undispatched by a cancel.</summary>
    public int Skipped => Staging.RejectedRecords + (Staging.RecordCount - Processed);

    public void Add(ChunkSummary chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ChunksCompleted++;
        Succeeded += chunk.Succeeded;
        Failed += chunk.Failed;
        Requests += chunk.Requests;
        Throttled += chunk.Throttled;
        Repairs += chunk.Repairs;
        Usage += chunk.Usage;
        CostMicros += chunk.CostMicros;
    }

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
    public RunOutcome Outcome(bool canceled, bool stopped = false) => (canceled, Succeeded, Failed) switch
    {
        _ when stopped => RunOutcome.Failed,
        (true, _, _) => RunOutcome.Canceled,
        (_, _, 0) when Staging.RejectedRecords == 0 => RunOutcome.Succeeded,
        (_, 0, _) => RunOutcome.Failed,
        _ => RunOutcome.CompletedWithFailures,
    };
}
