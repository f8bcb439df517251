namespace FunctionsBatch.Core.Specs;

/// <summary>A JSONL file the host can read, relative to the content root (or absolute).</summary>
public sealed record InputSpec(string Path);
