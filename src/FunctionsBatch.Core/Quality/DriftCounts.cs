namespace FunctionsBatch.Core.Quality;

internal static class DriftCounts
{
    public static void Validate(IReadOnlyList<int> baselineCounts, IReadOnlyList<int> currentCounts)
    {
        ArgumentNullException.ThrowIfNull(baselineCounts);
        ArgumentNullException.ThrowIfNull(currentCounts);
        if (baselineCounts.Count != currentCounts.Count)
        {
            throw new ArgumentException("Baseline and current counts must cover the same bins.", nameof(currentCounts));
        }

        if (baselineCounts.Any(count => count < 0) || currentCounts.Any(count => count < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineCounts), "Counts cannot be negative.");
        }

        if (!baselineCounts.Any(count => count > 0))
        {
            throw new ArgumentException("The baseline has no counts.", nameof(baselineCounts));
        }

        if (!currentCounts.Any(count => count > 0))
        {
            throw new ArgumentException("The current sample has no counts.", nameof(currentCounts));
        }
    }
}
