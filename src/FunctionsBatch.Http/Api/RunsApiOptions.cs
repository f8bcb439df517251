namespace FunctionsBatch.Http.Api;

public sealed class RunsApiOptions
{
    public const string Section = "FunctionsBatch:Api";

    /// <summary>Largest accepted request body; bigger inputs belong in a file or blob source.</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    public int MaxRecordsPerRequest { get; set; } = 100_000;

    public int MaxResultsPageSize { get; set; } = 1_000;

    /// <summary>Result rows the run report reads for its time series and failure counts (<c>FunctionsBatch__Api__MaxReportRows</c>).</summary>
    public int MaxReportRows { get; set; } = 200_000;

    /// <summary>Rows shown in the report's sample of results.</summary>
    public int ReportSampleSize { get; set; } = 20;
}
