namespace FunctionsBatch.Core.Runs;

/// <summary>The terminal states a record can end in; every record ends in exactly one.</summary>
public static class RecordStatus
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
