namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The lines a round left unanswered, to be processed online.</summary>
public sealed record BatchLeftoversRef(string RunId, int ChunkIndex, int Round);
