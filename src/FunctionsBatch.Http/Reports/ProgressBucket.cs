namespace FunctionsBatch.Http.Reports;

/// <summary>What finished in one interval of the run.</summary>
/// <param name="Retries">Calls beyond the first per record (retries after 429s or transient faults, and schema re-asks).</param>
public sealed record ProgressBucket(
    DateTimeOffset StartUtc,
    int Succeeded,
    int Failed,
    long Tokens,
    int Throttled,
    int Retries)
{
    public int Records => Succeeded + Failed;
}
