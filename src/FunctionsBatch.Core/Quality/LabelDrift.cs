namespace FunctionsBatch.Core.Quality;

/// <summary>
/// How far the current distribution of labels has moved from the baseline's. Labels are merged trimmed and
/// case-insensitively; a label seen on only one side still counts, one seen on neither is ignored.
/// </summary>
/// <param name="Labels">The normalized labels compared, sorted ordinally.</param>
/// <param name="PopulationStabilityIndex">See <see cref="DistributionDistance.PopulationStabilityIndex"/>: above 0.25 is a large shift.</param>
/// <param name="JensenShannonDistance">See <see cref="DistributionDistance.JensenShannonDistance"/>: 0 same shares, 1 no label in common.</param>
/// <param name="ChiSquare">Whether the gap is more than sampling noise.</param>
public sealed record LabelDrift(
    IReadOnlyList<string> Labels,
    double PopulationStabilityIndex,
    double JensenShannonDistance,
    ChiSquareTest ChiSquare)
{
    public static LabelDrift Compare(IReadOnlyDictionary<string, int> baselineCounts, IReadOnlyDictionary<string, int> currentCounts)
    {
        ArgumentNullException.ThrowIfNull(baselineCounts);
        ArgumentNullException.ThrowIfNull(currentCounts);
        var baseline = Merge(baselineCounts, nameof(baselineCounts));
        var current = Merge(currentCounts, nameof(currentCounts));
        var labels = baseline.Keys.Union(current.Keys)
            .Where(label => baseline.GetValueOrDefault(label) + current.GetValueOrDefault(label) > 0)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var baselineBins = labels.Select(label => baseline.GetValueOrDefault(label)).ToArray();
        var currentBins = labels.Select(label => current.GetValueOrDefault(label)).ToArray();
        return new LabelDrift(
            labels,
            DistributionDistance.PopulationStabilityIndex(baselineBins, currentBins),
            DistributionDistance.JensenShannonDistance(baselineBins, currentBins),
            ChiSquareTest.Homogeneity(baselineBins, currentBins));
    }

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> counts, string parameterName)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (label, count) in counts)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(parameterName, count, "Counts cannot be negative.");
            }

            var key = LabelNormalizer.Normalize(label) ?? ConfusionMatrix.MissingLabel;
            merged[key] = merged.GetValueOrDefault(key) + count;
        }

        return merged;
    }
}
