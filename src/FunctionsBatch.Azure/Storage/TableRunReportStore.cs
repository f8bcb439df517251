using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Reports;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// The report's reads. Result rows are read with a projection (no outputs), cost rows as untyped entities, so
/// rows written by older or newer versions (a column missing or added) still read.
/// </summary>
public sealed class TableRunReportStore(StorageClients storage) : IRunReportStore
{
    private const int PageSize = 1_000;

    private static readonly string[] RowColumns =
    [
        "Timestamp",
        nameof(RecordResultEntity.Status),
        nameof(RecordResultEntity.PromptTokens),
        nameof(RecordResultEntity.CachedTokens),
        nameof(RecordResultEntity.CompletionTokens),
        nameof(RecordResultEntity.Attempts),
        nameof(RecordResultEntity.Throttled),
        nameof(RecordResultEntity.ErrorCode),
        nameof(RecordResultEntity.ErrorMessage),
    ];

    public async Task<IReadOnlyList<ReportCostLine>> GetCostLinesAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await storage.CostsAsync().ConfigureAwait(false);
        var lines = new List<ReportCostLine>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            lines.Add(new ReportCostLine(
                row.RowKey,
                Text(row, nameof(RunCostEntity.Model)),
                Text(row, nameof(RunCostEntity.Mode)),
                Text(row, nameof(RunCostEntity.Tenant)),
                (int)Number(row, nameof(RunCostEntity.TotalRecords)),
                (int)Number(row, nameof(RunCostEntity.Requests)),
                Number(row, nameof(RunCostEntity.InputTokens)),
                Number(row, nameof(RunCostEntity.CachedInputTokens)),
                Number(row, nameof(RunCostEntity.OutputTokens)),
                Number(row, nameof(RunCostEntity.CostMicros))));
        }

        return lines;
    }

    public async IAsyncEnumerable<ReportRow> ReadRowsAsync(string runId, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.ResultsAsync().ConfigureAwait(false);
        var read = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {runId}"), PageSize, RowColumns, cancellationToken).ConfigureAwait(false))
        {
            if (read++ >= limit)
            {
                yield break;
            }

            yield return new ReportRow(
                Text(row, nameof(RecordResultEntity.Status)),
                row.Timestamp ?? DateTimeOffset.MinValue,
                new TokenUsage(
                    Number(row, nameof(RecordResultEntity.PromptTokens)),
                    Number(row, nameof(RecordResultEntity.CachedTokens)),
                    Number(row, nameof(RecordResultEntity.CompletionTokens))),
                (int)Number(row, nameof(RecordResultEntity.Attempts)),
                (int)Number(row, nameof(RecordResultEntity.Throttled)),
                row.GetString(nameof(RecordResultEntity.ErrorCode)),
                row.GetString(nameof(RecordResultEntity.ErrorMessage)));
        }
    }

    private static string Text(TableEntity row, string column) =>
        row.TryGetValue(column, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;

    /// <summary>Any stored number type (Int32, Int64, Double, or a string) as a long; 0 when the column is absent.</summary>
    private static long Number(TableEntity row, string column)
    {
        row.TryGetValue(column, out var value);
        return value switch
        {
            string text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
            IConvertible number => Convert.ToInt64(number, CultureInfo.InvariantCulture),
            _ => 0,
        };
    }
}
