using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Reports;

/// <summary>What the report needs of one result row: no output, no record content.</summary>
/// <param name="WrittenUtc">When the row was stored (the table's own timestamp): the record's completion time, within the writer's one-second flush.</param>
public sealed record ReportRow(
    string Status,
    DateTimeOffset WrittenUtc,
    TokenUsage Usage,
    int Attempts,
    int Throttled,
    string? ErrorCode,
    string? ErrorMessage);
