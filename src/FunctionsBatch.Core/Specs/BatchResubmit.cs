namespace FunctionsBatch.Core.Specs;

/// <summary>Where failed or expired batch lines go again: online (chat completions) or into a new batch.</summary>
public static class BatchResubmit
{
    public const string Online = "online";
    public const string Batch = "batch";
}
