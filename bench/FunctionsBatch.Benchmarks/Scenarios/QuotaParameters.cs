using FunctionsBatch.Benchmarks.Data;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>The quota scenario's knobs, all written into the results.</summary>
/// <param name="Shapes">The simulator's limiter shapes to run every contender against: <c>Window</c> (Azure's) and <c>Bucket</c>.</param>
/// <param name="Contenders">The contenders to measure, by name; null for all of them (tuning runs measure a few).</param>
public sealed record QuotaParameters(
    int Records,
    long TokensPerMinute,
    long RequestsPerMinute,
    int LatencyMs,
    BenchSpec Spec,
    double BurstSeconds,
    int BaselineParallelism,
    double SequentialCapSeconds,
    IReadOnlyList<string> Shapes,
    IReadOnlySet<string>? Contenders = null);
