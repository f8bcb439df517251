using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Batch;

/// <param name="CutoffUtc">When set, a batch still running then is cancelled and its unanswered records go online.</param>
public sealed record BatchChunkInput(string RunId, BatchOptions Options, int ChunkIndex, DateTime? CutoffUtc);
