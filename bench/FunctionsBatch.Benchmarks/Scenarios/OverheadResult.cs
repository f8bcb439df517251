namespace FunctionsBatch.Benchmarks.Scenarios;

/// <param name="LargestToTenthRatio">Time of the largest run ÷ time of the run a tenth its size (linear = 10).</param>
public sealed record OverheadResult(OverheadParameters Parameters, IReadOnlyList<OverheadRun> Runs, double? LargestToTenthRatio);
