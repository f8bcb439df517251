namespace FunctionsBatch.Core.Quality;

/// <summary>The number a record should get and the number the model gave (null when it gave none).</summary>
public sealed record NumberPair(double Expected, double? Actual);
