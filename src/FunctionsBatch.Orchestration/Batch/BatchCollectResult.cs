using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The records a batch settled, and how many lines it left for the next round.</summary>
public sealed record BatchCollectResult(ChunkSummary Summary, int Leftovers);
