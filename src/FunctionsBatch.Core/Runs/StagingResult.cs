namespace FunctionsBatch.Core.Runs;

/// <summary>What staging produced: the records to process, split into chunk blobs.</summary>
/// <param name="RejectedRecords">Input lines that could not become records (only for file sources; HTTP input is validated up front).</param>
public sealed record StagingResult(int RecordCount, int ChunkSize, int ChunkCount, int RejectedRecords);
