using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Http.Reports;

/// <summary>One stored cost row of a run, read tolerantly: a column the row lacks reads as empty or zero.</summary>
/// <param name="RowKey">The row's key in the run's partition (<see cref="RunRowKey"/> for the run's own row).</param>
public sealed record ReportCostLine(
    string RowKey,
    string Model,
    string Mode,
    string Tenant,
    int Records,
    int Requests,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    long CostMicros)
{
    public const string RunRowKey = RunCostRow.RunRowKey;

    public bool IsRunTotal => RowKey == RunRowKey;
}
