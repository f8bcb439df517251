using FunctionsBatch.Benchmarks.Data;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>The quota scenario's knobs, all written into the results.</summary>
public sealed record QuotaParameters(
    int Records,
    long TokensPerMinute,
    long RequestsPerMinute,
    int LatencyMs,
    BenchSpec Spec,
    double BurstSeconds,
    int BaselineParallelism,
    double SequentialCapSeconds);
