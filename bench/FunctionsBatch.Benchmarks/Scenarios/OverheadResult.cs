namespace FunctionsBatch.Benchmarks.Scenarios;

/// <param name="LargestToTenthRatio">Time of the largest run ÷ time of the run a tenth its size (linear = 10).</param>
/// <param name="Cores">Logical cores of the machine, shared by every process of the stack.</param>
public sealed record OverheadResult(OverheadParameters Parameters, IReadOnlyList<OverheadRun> Runs, double? LargestToTenthRatio, int Cores);
