namespace FunctionsBatch.Core.Quality;

/// <summary>The text a record should get and the text the model gave (null when it gave none).</summary>
public sealed record TextPair(string Expected, string? Actual);
