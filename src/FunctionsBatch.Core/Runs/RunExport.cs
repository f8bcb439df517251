namespace FunctionsBatch.Core.Runs;

/// <summary>Where a finished run's results were exported: one JSONL line per record (id, status, output, error).</summary>
/// <param name="PoisonedRecords">Failed records written to the intake's poison queue (0 when the input was not a queue).</param>
public sealed record RunExport(string Container, string BlobName, string Uri, int Records, int PoisonedRecords);
