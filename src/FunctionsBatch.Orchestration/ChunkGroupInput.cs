using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration;

/// <summary>A chunk group: chunks [FirstChunk, EndChunk) of a run, started with the run's current window.</summary>
/// <param name="RunDeadline">When the run must be done, if its spec has a deadline.</param>
public sealed record ChunkGroupInput(string RunId, JobSpec Spec, int FirstChunk, int EndChunk, int InitialWindow, ChunkTotals Before, DateTime? RunDeadline = null);
