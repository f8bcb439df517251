namespace FunctionsBatch.Core.Specs;

/// <summary>Stops a hopeless run: once <see cref="MinRecords"/> records are done, a failure share above <see cref="Rate"/> ends it as Failed.</summary>
public sealed record FailureThreshold(double Rate, int MinRecords)
{
    public bool IsExceeded(int processed, int failed) =>
        processed >= MinRecords && processed > 0 && (double)failed / processed > Rate;
}
