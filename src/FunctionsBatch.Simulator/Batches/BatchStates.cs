namespace FunctionsBatch.Simulator.Batches;

/// <summary>The batch <c>status</c> values Azure OpenAI reports.</summary>
public static class BatchStates
{
    public const string Validating = "validating";
    public const string InProgress = "in_progress";
    public const string Finalizing = "finalizing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";
}
