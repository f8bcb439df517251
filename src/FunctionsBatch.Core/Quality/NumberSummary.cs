namespace FunctionsBatch.Core.Quality;

/// <summary>Count, mean and 95th percentile of a list of numbers; all 0 when the list is empty.</summary>
/// <param name="Count">How many numbers.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="P95">Nearest-rank 95th percentile: the smallest value with at least 95 % of the values at or below it.</param>
public sealed record NumberSummary(int Count, double Mean, double P95)
{
    public static NumberSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return new NumberSummary(0, 0, 0);
        }

        if (!sorted.All(double.IsFinite))
        {
            throw new ArgumentException("Values must be finite.", nameof(values));
        }

        Array.Sort(sorted);
        var rank = (int)((95L * sorted.Length + 99) / 100);
        return new NumberSummary(sorted.Length, sorted.Average(), sorted[rank - 1]);
    }
}
