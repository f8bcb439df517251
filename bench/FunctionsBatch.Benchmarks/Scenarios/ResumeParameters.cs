using FunctionsBatch.Benchmarks.Data;

namespace FunctionsBatch.Benchmarks.Scenarios;

public sealed record ResumeParameters(int Records, double KillAtShare, int LatencyMs, BenchSpec Spec, IReadOnlyDictionary<string, string> HostSettings);
