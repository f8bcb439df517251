namespace FunctionsBatch.Core.Quality;

/// <summary>
/// Distances between a baseline and a current distribution, both given as counts over the same bins
/// (index i of one list is the same bin as index i of the other).
/// </summary>
public static class DistributionDistance
{
    /// <summary>The share that stands in for an empty bin in <see cref="PopulationStabilityIndex"/>, so its logarithm stays finite.</summary>
    public const double EmptyBinShare = 1e-4;

    /// <summary>
    /// Population stability index: Σ (current − baseline) × ln(current / baseline) over the bins' shares.
    /// 0 for identical shares; by convention below 0.1 is stable, 0.1–0.25 a moderate shift, above 0.25 a large one.
    /// </summary>
    public static double PopulationStabilityIndex(IReadOnlyList<int> baselineCounts, IReadOnlyList<int> currentCounts)
    {
        var (baselineShares, currentShares) = Shares(baselineCounts, currentCounts);
        var index = 0.0;
        for (var bin = 0; bin < baselineShares.Length; bin++)
        {
            var baseline = Math.Max(baselineShares[bin], EmptyBinShare);
            var current = Math.Max(currentShares[bin], EmptyBinShare);
            index += (current - baseline) * Math.Log(current / baseline);
        }

        return index;
    }

    /// <summary>
    /// Jensen–Shannon distance: the square root of the Jensen–Shannon divergence in bits, so 0 for identical
    /// shares and 1 for distributions with no bin in common. Symmetric, and empty bins need no smoothing.
    /// </summary>
    public static double JensenShannonDistance(IReadOnlyList<int> baselineCounts, IReadOnlyList<int> currentCounts)
    {
        var (baselineShares, currentShares) = Shares(baselineCounts, currentCounts);
        var divergence = 0.0;
        for (var bin = 0; bin < baselineShares.Length; bin++)
        {
            var mixture = (baselineShares[bin] + currentShares[bin]) / 2;
            divergence += (KullbackLeiblerTerm(baselineShares[bin], mixture) + KullbackLeiblerTerm(currentShares[bin], mixture)) / 2;
        }

        return Math.Sqrt(Math.Clamp(divergence, 0, 1));
    }

    private static double KullbackLeiblerTerm(double share, double mixture) =>
        share == 0 ? 0 : share * Math.Log2(share / mixture);

    private static (double[] Baseline, double[] Current) Shares(IReadOnlyList<int> baselineCounts, IReadOnlyList<int> currentCounts)
    {
        DriftCounts.Validate(baselineCounts, currentCounts);
        double baselineTotal = baselineCounts.Sum(count => (long)count);
        double currentTotal = currentCounts.Sum(count => (long)count);
        return (
            baselineCounts.Select(count => count / baselineTotal).ToArray(),
            currentCounts.Select(count => count / currentTotal).ToArray());
    }
}
