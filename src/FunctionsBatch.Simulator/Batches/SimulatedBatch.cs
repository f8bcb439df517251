namespace FunctionsBatch.Simulator.Batches;

/// <summary>One batch and its progress. Its state moves on when it is read: the clock decides, no background work.</summary>
public sealed class SimulatedBatch
{
    public SimulatedBatch(string id, string inputFileId, string deployment, IReadOnlyList<BatchLine> lines, DateTimeOffset createdAt, BatchCounters counters)
    {
        Id = id;
        InputFileId = inputFileId;
        Deployment = deployment;
        Lines = lines;
        CreatedAt = createdAt;
        Counters = counters;
        PromptTokens = lines.Sum(l => (long)l.PromptTokens);
    }

    public Lock Gate { get; } = new();

    public string Id { get; }

    public string InputFileId { get; }

    public string Deployment { get; }

    public IReadOnlyList<BatchLine> Lines { get; }

    /// <summary>The enqueued tokens the batch holds while it is not finished.</summary>
    public long PromptTokens { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The counters current when the batch was created, so a stats reset does not split one batch.</summary>
    public BatchCounters Counters { get; }

    /// <summary>Set when validation refuses the batch; it shows as failed once validation is over.</summary>
    public (string Code, string Message)? ValidationError { get; set; }

    public DateTimeOffset? CancelRequestedAt { get; set; }

    /// <summary>Null while the batch runs; then completed, expired, failed or cancelled.</summary>
    public string? FinalStatus { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? OutputFileId { get; set; }

    public string? ErrorFileId { get; set; }

    public int CompletedLines { get; set; }

    public int FailedLines { get; set; }

    public bool HoldsQuota => FinalStatus is null && ValidationError is null && CancelRequestedAt is null;
}
