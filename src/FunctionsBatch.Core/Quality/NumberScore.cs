namespace FunctionsBatch.Core.Quality;

/// <summary>How close a run's numbers are to the expected ones.</summary>
/// <param name="WithinTolerance">Share of records whose number is within the absolute tolerance, with its 95 % Wilson interval; a missing or non-finite answer is a miss.</param>
/// <param name="Tolerance">The absolute tolerance used.</param>
/// <param name="MeanAbsoluteError">Mean |expected − actual| over the records that have a finite answer; 0 when none has.</param>
/// <param name="Missing">Records with no finite answer.</param>
public sealed record NumberScore(ProportionInterval WithinTolerance, double Tolerance, double MeanAbsoluteError, int Missing)
{
    public static NumberScore Compute(IEnumerable<NumberPair> pairs, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (!double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be finite.");
        }

        var records = 0;
        var within = 0;
        var missing = 0;
        var absoluteErrorSum = 0.0;
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            records++;
            if (pair.Actual is not { } actual || !double.IsFinite(actual))
            {
                missing++;
                continue;
            }

            var error = Math.Abs(pair.Expected - actual);
            absoluteErrorSum += error;
            if (error <= tolerance)
            {
                within++;
            }
        }

        var answered = records - missing;
        return new NumberScore(ProportionInterval.Wilson(within, records), tolerance, answered == 0 ? 0 : absoluteErrorSum / answered, missing);
    }

    /// <summary>Whether <paramref name="actual"/> is at most <paramref name="tolerance"/> away from <paramref name="expected"/>.</summary>
    public static bool IsWithin(double expected, double actual, double tolerance) =>
        double.IsFinite(actual) && Math.Abs(expected - actual) <= tolerance;
}
