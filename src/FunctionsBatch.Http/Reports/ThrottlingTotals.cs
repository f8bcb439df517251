namespace FunctionsBatch.Http.Reports;

/// <summary>The run's 429s and extra calls, as counted by the run itself.</summary>
/// <param name="Requests">Calls made, retries and re-asks included.</param>
/// <param name="Throttled">429 answers received.</param>
/// <param name="Retries">Calls beyond the first per record, from the result rows.</param>
/// <param name="RecordsRetried">Records that needed more than one call.</param>
public sealed record ThrottlingTotals(int Requests, int Throttled, int Retries, int RecordsRetried);
