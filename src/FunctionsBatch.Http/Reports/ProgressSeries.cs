namespace FunctionsBatch.Http.Reports;

/// <summary>The run's progress over time in equal buckets; rates are scaled to per minute so they compare with a per-minute quota.</summary>
public sealed record ProgressSeries(DateTimeOffset StartUtc, int BucketSeconds, IReadOnlyList<ProgressBucket> Buckets)
{
    public string BucketLabel => BucketSeconds switch
    {
        60 => "1-minute buckets",
        < 60 => $"{BucketSeconds}-second buckets",
        _ when BucketSeconds % 3600 == 0 => $"{BucketSeconds / 3600}-hour buckets",
        _ => $"{BucketSeconds / 60}-minute buckets",
    };

    public double PerMinute(long countInBucket) => countInBucket * 60.0 / BucketSeconds;
}
