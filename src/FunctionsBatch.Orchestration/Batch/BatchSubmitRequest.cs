namespace FunctionsBatch.Orchestration.Batch;

/// <param name="Round">0 for the chunk's first batch, then one more for each batch of leftovers.</param>
/// <param name="Attempt">Counts submissions of the same round after the quota refused one.</param>
public sealed record BatchSubmitRequest(string RunId, int ChunkIndex, int Round, int Attempt);
