namespace FunctionsBatch.Orchestration.Batch;

/// <param name="Canceled">The run was cancelled: lines the batch did not answer stay unprocessed (skipped), not resubmitted.</param>
/// <param name="CutOff">The batch was cancelled for the deadline: its unanswered lines count as expired and go online.</param>
public sealed record BatchCollectRequest(string RunId, int ChunkIndex, int Round, BatchJob Batch, bool Canceled, bool CutOff);
