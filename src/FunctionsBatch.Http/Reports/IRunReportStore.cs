namespace FunctionsBatch.Http.Reports;

/// <summary>Reads what the run report shows from the results and cost tables.</summary>
public interface IRunReportStore
{
    /// <summary>Every cost row in the run's partition, whatever columns each has.</summary>
    Task<IReadOnlyList<ReportCostLine>> GetCostLinesAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The run's result rows without their outputs, in storage order, at most <paramref name="limit"/> of them.</summary>
    IAsyncEnumerable<ReportRow> ReadRowsAsync(string runId, int limit, CancellationToken cancellationToken);
}
