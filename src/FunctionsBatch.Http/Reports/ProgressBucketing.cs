using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Reports;

/// <summary>
/// Buckets result rows by the time they were stored. Minute buckets for runs long enough to show a shape in
/// them; shorter runs get the finest of 5, 10, 15 or 30 seconds that keeps at most <see cref="MaxBuckets"/> bars.
/// </summary>
public static class ProgressBucketing
{
    public const int MaxBuckets = 60;

    private static readonly int[] Steps = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

    public static int ChooseBucketSeconds(TimeSpan span)
    {
        var seconds = Math.Max(span.TotalSeconds, 1);
        foreach (var step in Steps)
        {
            if (Math.Ceiling(seconds / step) <= MaxBuckets)
            {
                return step;
            }
        }

        return (int)Math.Ceiling(seconds / MaxBuckets / 3600) * 3600;
    }

    /// <summary>
    /// Buckets <paramref name="rows"/> from <paramref name="startUtc"/> to the later of <paramref name="endUtc"/>
    /// and the last row. A row stored before the start (storage and host clocks differ) lands in the first bucket.
    /// Skipped rows are left out: they were never processed.
    /// </summary>
    public static ProgressSeries Build(DateTimeOffset startUtc, DateTimeOffset endUtc, IReadOnlyCollection<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var processed = rows.Where(r => r.Status is RecordStatus.Succeeded or RecordStatus.Failed).ToArray();
        var last = processed.Length == 0 ? endUtc : processed.Max(r => r.WrittenUtc);
        var end = last > endUtc ? last : endUtc;
        var bucketSeconds = ChooseBucketSeconds(end - startUtc);
        var count = Math.Max(1, (int)Math.Ceiling((end - startUtc).TotalSeconds / bucketSeconds));
        var succeeded = new int[count];
        var failed = new int[count];
        var tokens = new long[count];
        var throttled = new int[count];
        var retries = new int[count];
        foreach (var row in processed)
        {
            var index = Math.Clamp((int)Math.Floor((row.WrittenUtc - startUtc).TotalSeconds / bucketSeconds), 0, count - 1);
            if (row.Status == RecordStatus.Succeeded)
            {
                succeeded[index]++;
            }
            else
            {
                failed[index]++;
            }

            tokens[index] += row.Usage.TotalTokens;
            throttled[index] += row.Throttled;
            retries[index] += Math.Max(0, row.Attempts - 1);
        }

        var buckets = Enumerable.Range(0, count)
            .Select(i => new ProgressBucket(startUtc.AddSeconds((double)i * bucketSeconds), succeeded[i], failed[i], tokens[i], throttled[i], retries[i]))
            .ToArray();
        return new ProgressSeries(startUtc, bucketSeconds, buckets);
    }
}
