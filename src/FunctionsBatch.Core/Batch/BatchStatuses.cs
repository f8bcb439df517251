namespace FunctionsBatch.Core.Batch;

/// <summary>The <c>status</c> values of an Azure OpenAI batch: what the client reads and the simulator reports.</summary>
public static class BatchStatuses
{
    public const string Validating = "validating";
    public const string InProgress = "in_progress";
    public const string Finalizing = "finalizing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string status) => status is Completed or Failed or Expired or Cancelled;
}
