namespace FunctionsBatch.Simulator.Batches;

/// <summary>An uploaded or generated file.</summary>
public sealed record StoredFile(string Id, string FileName, string Purpose, byte[] Content, DateTimeOffset CreatedAt);
