namespace FunctionsBatch.Core.Runs;

/// <summary>A reference to one staged chunk; the activity reads the records and the spec from storage.</summary>
public sealed record ChunkRef(string RunId, int ChunkIndex);
