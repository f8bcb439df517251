namespace FunctionsBatch.Core.Quality;

/// <summary>
/// How far a continuous variable (prompt length, say) has moved from its baseline: the population stability
/// index over ten bins cut at the baseline's deciles. Values beyond the outer cuts fall in the end bins.
/// </summary>
/// <param name="BinEdges">The baseline's 10th…90th percentiles (linear interpolation), duplicates dropped; bin i holds values in (edge i−1, edge i].</param>
/// <param name="BaselineCounts">Baseline values per bin.</param>
/// <param name="CurrentCounts">Current values per bin.</param>
/// <param name="PopulationStabilityIndex">See <see cref="DistributionDistance.PopulationStabilityIndex"/>: above 0.25 is a large shift.</param>
public sealed record NumericDrift(
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<int> BaselineCounts,
    IReadOnlyList<int> CurrentCounts,
    double PopulationStabilityIndex)
{
    public const int Bins = 10;

    public static NumericDrift Compare(IEnumerable<double> baseline, IEnumerable<double> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var sortedBaseline = Finite(baseline, nameof(baseline));
        var currentValues = Finite(current, nameof(current));
        Array.Sort(sortedBaseline);
        var edges = Enumerable.Range(1, Bins - 1)
            .Select(decile => Quantile(sortedBaseline, decile / (double)Bins))
            .Distinct()
            .ToArray();
        var baselineCounts = Count(sortedBaseline, edges);
        var currentCounts = Count(currentValues, edges);
        return new NumericDrift(edges, baselineCounts, currentCounts, DistributionDistance.PopulationStabilityIndex(baselineCounts, currentCounts));
    }

    private static double[] Finite(IEnumerable<double> values, string parameterName)
    {
        var array = values.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", parameterName);
        }

        if (!array.All(double.IsFinite))
        {
            throw new ArgumentException("Values must be finite.", parameterName);
        }

        return array;
    }

    private static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static int[] Count(double[] values, double[] edges)
    {
        var counts = new int[edges.Length + 1];
        foreach (var value in values)
        {
            var bin = Array.BinarySearch(edges, value);
            counts[bin >= 0 ? bin : ~bin]++;
        }

        return counts;
    }
}
