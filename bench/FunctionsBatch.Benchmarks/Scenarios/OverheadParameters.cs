using FunctionsBatch.Benchmarks.Data;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>The overhead scenario's knobs: sizes, spec, and the host's Durable Task settings that matter for throughput.</summary>
/// <param name="Sizes">The scaling series, run with <see cref="Spec"/>.</param>
/// <param name="DefaultSpecSizes">Extra runs with the same spec but the record-ledger lookup on (the spec default), to show its cost.</param>
public sealed record OverheadParameters(IReadOnlyList<int> Sizes, BenchSpec Spec, IReadOnlyList<int> DefaultSpecSizes, IReadOnlyDictionary<string, string> HostSettings);
