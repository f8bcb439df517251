namespace FunctionsBatch.Benchmarks.Reporting;

/// <summary>One headline number: a ratio or rate measured in this run, with its target when there is one.</summary>
public sealed record Figure(string Scenario, string Name, double Value, string Unit, string? Target, bool? Met, string Note);
