using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Reports;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests.Reports;

public sealed class ProgressBucketingTests
{
    private static readonly DateTimeOffset Start = new(ReportData.Started);

    [Theory]
    [InlineData(20, 5)]
    [InlineData(300, 5)]
    [InlineData(301, 10)]
    [InlineData(3_600, 60)]
    [InlineData(7_200, 120)]
    [InlineData(86_400, 1_800)]
    [InlineData(7 * 86_400, 3 * 3_600)]
    public void ChooseBucketSeconds_RunLength_FinestBucketKeepingSixtyBars(int runSeconds, int expected)
    {
        var bucket = ProgressBucketing.ChooseBucketSeconds(TimeSpan.FromSeconds(runSeconds));

        Assert.Equal(expected, bucket);
        Assert.True(Math.Ceiling(runSeconds / (double)bucket) <= ProgressBucketing.MaxBuckets);
    }

    [Fact]
    public void Build_RowsInThreeBuckets_CountsRecordsTokens429sAndRetriesPerBucket()
    {
        ReportRow[] rows =
        [
            ReportData.Row(1, prompt: 100, completion: 10),
            ReportData.Row(4.9, prompt: 200, completion: 20, attempts: 3, throttled: 2),
            ReportData.Row(5, RecordStatus.Failed, prompt: 0, completion: 0, errorCode: "content_filter"),
            ReportData.Row(14, prompt: 50, completion: 5, attempts: 2, throttled: 1),
        ];

        var series = ProgressBucketing.Build(Start, Start.AddSeconds(12), rows);

        Assert.Equal(5, series.BucketSeconds);
        Assert.Equal("5-second buckets", series.BucketLabel);
        Assert.Equal(
            [(2, 0, 330L, 2, 2), (0, 1, 0L, 0, 0), (1, 0, 55L, 1, 1)],
            series.Buckets.Select(b => (b.Succeeded, b.Failed, b.Tokens, b.Throttled, b.Retries)));
        Assert.Equal([Start, Start.AddSeconds(5), Start.AddSeconds(10)], series.Buckets.Select(b => b.StartUtc));
    }

    [Fact]
    public void Build_RowStoredBeforeTheStart_LandsInTheFirstBucket()
    {
        var series = ProgressBucketing.Build(Start, Start.AddSeconds(30), [ReportData.Row(-2), ReportData.Row(29)]);

        Assert.Equal(1, series.Buckets[0].Records);
        Assert.Equal(1, series.Buckets[^1].Records);
        Assert.Equal(2, series.Buckets.Sum(b => b.Records));
    }

    [Fact]
    public void Build_SkippedRows_AreNotCountedAsProcessed()
    {
        var series = ProgressBucketing.Build(Start, Start.AddSeconds(10), [ReportData.Row(1), ReportData.Row(2, RecordStatus.Skipped, prompt: 0, completion: 0)]);

        Assert.Equal(1, series.Buckets.Sum(b => b.Records));
    }

    [Fact]
    public void Build_RowAfterTheEnd_ExtendsTheSeriesToIt()
    {
        var series = ProgressBucketing.Build(Start, Start.AddSeconds(10), [ReportData.Row(22)]);

        Assert.Equal(5, series.Buckets.Count);
        Assert.Equal(1, series.Buckets[4].Records);
    }

    [Fact]
    public void PerMinute_FiveSecondBucket_ScalesTheCountToAMinute()
    {
        var series = new ProgressSeries(Start, 5, []);

        Assert.Equal(120, series.PerMinute(10));
        Assert.Equal(10, new ProgressSeries(Start, 60, []).PerMinute(10));
        Assert.Equal("1-minute buckets", new ProgressSeries(Start, 60, []).BucketLabel);
        Assert.Equal("2-minute buckets", new ProgressSeries(Start, 120, []).BucketLabel);
        Assert.Equal("3-hour buckets", new ProgressSeries(Start, 10_800, []).BucketLabel);
    }
}
