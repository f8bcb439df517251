namespace FunctionsBatch.Azure.Storage;

/// <summary>One would-be record read from a run's source: JSON text, or a rejection decided while reading.</summary>
/// <param name="RowKey">The result-row key a rejection is stored under (a rejected line has no usable record id).</param>
/// <param name="Where">Which blob and line it came from, for multi-blob sources; null when the row key says enough.</param>
public sealed record SourceLine(string RowKey, string? Where, string? Text, string? Rejection = null, string? RejectionCode = null);
