namespace FunctionsBatch.Benchmarks.Baselines;

/// <summary>What a baseline loop saw from its side: records attempted, answered, and given up on.</summary>
public sealed record BaselineRun(int Attempted, int Succeeded, int Failed, double Seconds, bool Capped);
