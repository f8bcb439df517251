namespace FunctionsBatch.Core.Records;

/// <summary>One CSV data row: the record as a JSON object (every field a string), or why the row is not one.</summary>
/// <param name="Line">The line the row starts on (the header is line 1).</param>
public sealed record CsvRecord(int Line, string? Json, string? Problem);
