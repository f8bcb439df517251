using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Api;

namespace FunctionsBatch.Http.Reports;

/// <summary>Everything the run report page shows, built from stored data only.</summary>
/// <param name="TokensPerMinuteQuota">The deployment's configured quota; 0 when none is configured (the pacer then learns the rate from the service).</param>
/// <param name="RowsRead">Result rows the series and failure counts were built from.</param>
/// <param name="RowsLimited">True when the run has more rows than the report reads; the series then covers only <paramref name="RowsRead"/> of them.</param>
public sealed record RunReport(
    RunStatusView Status,
    ReportJob Job,
    ProgressSeries Progress,
    int TokensPerMinuteQuota,
    ThrottlingTotals Throttling,
    IReadOnlyList<ReportCostLine> Costs,
    IReadOnlyList<FailureReason> Failures,
    IReadOnlyList<RecordResult> Sample,
    int RowsRead,
    bool RowsLimited,
    DateTimeOffset GeneratedUtc);
