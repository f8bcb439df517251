using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Http.Reports;

/// <summary>Reads what a run's report shows from storage and renders the page.</summary>
public sealed class RunReportService(
    IRunReportStore store,
    IRunResultStore results,
    IRunStaging staging,
    DeploymentQuotas quotas,
    RunsApiOptions options,
    TimeProvider time)
{
    public async Task<RunReport> BuildAsync(RunStatusView status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var job = status.Output is { } summary
            ? ReportJob.From(summary)
            : status.Phase is null or RunPhases.Staging
                ? ReportJob.Unknown
                : ReportJob.From(await staging.GetSpecAsync(status.Id, cancellationToken).ConfigureAwait(false));

        // One more than the limit tells a run that has more rows from one that has exactly that many.
        var rows = new List<ReportRow>();
        await foreach (var row in store.ReadRowsAsync(status.Id, options.MaxReportRows + 1, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var limited = rows.Count > options.MaxReportRows;
        if (limited)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var costs = await store.GetCostLinesAsync(status.Id, cancellationToken).ConfigureAwait(false);
        var sample = await results.QueryAsync(status.Id, null, options.ReportSampleSize, null, cancellationToken).ConfigureAwait(false);
        var quota = job.Model.Length > 0 ? quotas.For(job.Model).TokensPerMinute : 0;
        return RunReportBuilder.Build(status, job, rows, limited, costs, sample.Results, quota, time.GetUtcNow());
    }

    public async Task<HtmlPage> RenderAsync(RunStatusView status, CancellationToken cancellationToken) =>
        new(RunReportHtml.Render(await BuildAsync(status, cancellationToken).ConfigureAwait(false)), RunReportHtml.ContentSecurityPolicy);
}
