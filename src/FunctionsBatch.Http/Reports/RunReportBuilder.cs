using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Api;

namespace FunctionsBatch.Http.Reports;

/// <summary>Turns a run's status, its result rows and cost rows into the report model; pure, so it is tested without storage.</summary>
public static class RunReportBuilder
{
    public static RunReport Build(
        RunStatusView status,
        ReportJob job,
        IReadOnlyCollection<ReportRow> rows,
        bool rowsLimited,
        IReadOnlyList<ReportCostLine> costs,
        IReadOnlyList<RecordResult> sample,
        int tokensPerMinuteQuota,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(rows);
        var start = new DateTimeOffset(DateTime.SpecifyKind(status.Output?.StartedUtc ?? status.CreatedTime, DateTimeKind.Utc));
        var finished = status.Output is not null || RuntimeStatusNames.IsFinished(status.RuntimeStatus);
        var end = finished
            ? new DateTimeOffset(DateTime.SpecifyKind(status.Output?.CompletedUtc ?? status.LastUpdatedTime, DateTimeKind.Utc))
            : now;
        var failures = rows
            .Where(r => r.Status == RecordStatus.Failed)
            .GroupBy(r => r.ErrorCode ?? "unknown", StringComparer.Ordinal)
            .Select(g => new FailureReason(g.Key, g.Count(), g.Select(r => r.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m))))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToArray();
        var throttling = new ThrottlingTotals(
            status.Progress.Requests,
            status.Progress.Throttled,
            rows.Sum(r => Math.Max(0, r.Attempts - 1)),
            rows.Count(r => r.Attempts > 1));
        var orderedCosts = costs
            .OrderBy(c => c.IsRunTotal ? 0 : 1)
            .ThenByDescending(c => c.CostMicros)
            .ThenBy(c => c.RowKey, StringComparer.Ordinal)
            .ToArray();
        return new RunReport(
            status,
            job,
            ProgressBucketing.Build(start, end, rows),
            tokensPerMinuteQuota,
            throttling,
            orderedCosts,
            failures,
            sample,
            rows.Count,
            rowsLimited,
            now);
    }
}
