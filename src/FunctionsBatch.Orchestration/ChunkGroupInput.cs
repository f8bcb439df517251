using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration;

/// <summary>A chunk group: chunks [FirstChunk, EndChunk) of a run, started with the run's current window.</summary>
public sealed record ChunkGroupInput(string RunId, JobSpec Spec, int FirstChunk, int EndChunk, int InitialWindow, ChunkTotals Before);
