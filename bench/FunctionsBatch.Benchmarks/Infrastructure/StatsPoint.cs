namespace FunctionsBatch.Benchmarks.Infrastructure;

public sealed record StatsPoint(double Seconds, SimStats Stats);
