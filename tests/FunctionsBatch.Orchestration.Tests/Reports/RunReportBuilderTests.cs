using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Reports;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests.Reports;

public sealed class RunReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(ReportData.Started.AddHours(1));

    [Fact]
    public void Build_FailedRows_GroupedByCodeMostFirstWithTheirFirstMessage()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(40), succeeded: 1, failed: 4);
        ReportRow[] rows =
        [
            ReportData.Row(1),
            ReportData.Row(2, RecordStatus.Failed, errorCode: "invalid_output", message: "schema"),
            ReportData.Row(3, RecordStatus.Failed, errorCode: "content_filter", message: null),
            ReportData.Row(4, RecordStatus.Failed, errorCode: "content_filter", message: "filtered"),
            ReportData.Row(5, RecordStatus.Failed, errorCode: null, message: "no code"),
        ];

        var report = RunReportBuilder.Build(status, ReportJob.From(status.Output!), rows, false, [], [], 0, Now);

        Assert.Equal(
            [new FailureReason("content_filter", 2, "filtered"), new FailureReason("invalid_output", 1, "schema"), new FailureReason("unknown", 1, "no code")],
            report.Failures);
    }

    [Fact]
    public void Build_FinishedRun_SeriesSpansStartToCompletionAndThrottlingTotalsComeFromStatusAndRows()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(40), succeeded: 3, failed: 0, throttled: 7);
        ReportRow[] rows = [ReportData.Row(1, attempts: 3), ReportData.Row(20, attempts: 2), ReportData.Row(39)];

        var report = RunReportBuilder.Build(status, ReportJob.From(status.Output!), rows, false, [], [], 150_000, Now);

        Assert.Equal(new DateTimeOffset(ReportData.Started), report.Progress.StartUtc);
        Assert.Equal(8, report.Progress.Buckets.Count);
        Assert.Equal(new ThrottlingTotals(10, 7, 3, 2), report.Throttling);
        Assert.Equal(150_000, report.TokensPerMinuteQuota);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(Now, report.GeneratedUtc);
    }

    [Fact]
    public void Build_RunningRun_SeriesRunsUntilNow()
    {
        var finished = ReportData.Finished(TimeSpan.FromSeconds(40), succeeded: 1, failed: 0);
        var running = finished with { RuntimeStatus = "Running", Output = null, LastUpdatedTime = ReportData.Started.AddSeconds(5) };

        var report = RunReportBuilder.Build(running, ReportJob.Unknown, [ReportData.Row(1)], false, [], [], 0, new DateTimeOffset(ReportData.Started.AddSeconds(100)));

        Assert.Equal(100, report.Progress.Buckets.Count * report.Progress.BucketSeconds);
    }

    [Fact]
    public void Build_CostRows_TheRunsOwnRowFirstThenByCost()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(10), succeeded: 1, failed: 0);
        ReportCostLine[] costs = [ReportData.Cost("batch-a", 10, "batch"), ReportData.Cost("batch-b", 30, "batch"), ReportData.Cost()];

        var report = RunReportBuilder.Build(status, ReportJob.From(status.Output!), [], false, costs, [], 0, Now);

        Assert.Equal(["run", "batch-b", "batch-a"], report.Costs.Select(c => c.RowKey));
    }
}
