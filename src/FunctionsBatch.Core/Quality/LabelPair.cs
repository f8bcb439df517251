namespace FunctionsBatch.Core.Quality;

/// <summary>The label a record should get and the label the model gave (null when it gave none).</summary>
public sealed record LabelPair(string Expected, string? Actual);
