namespace FunctionsBatch.Core.Quality;

/// <summary>
/// A success rate with its 95 % Wilson score interval: the range of true rates that the observed
/// <see cref="Successes"/> out of <see cref="Trials"/> cannot rule out. With no trials the rate is 0 and the interval is (0, 1).
/// </summary>
/// <param name="Successes">How many trials succeeded.</param>
/// <param name="Trials">How many trials there were.</param>
/// <param name="Rate">Successes / Trials; 0 when there were no trials.</param>
/// <param name="Low">Lower bound of the 95 % interval.</param>
/// <param name="High">Upper bound of the 95 % interval.</param>
public sealed record ProportionInterval(int Successes, int Trials, double Rate, double Low, double High)
{
    /// <summary>The two-sided 95 % quantile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    public static ProportionInterval Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new ProportionInterval(0, 0, 0, 0, 1);
        }

        double n = trials;
        var rate = successes / n;
        var zSquared = Z95 * Z95;
        var denominator = 1 + zSquared / n;
        var center = (rate + zSquared / (2 * n)) / denominator;
        var halfWidth = Z95 * Math.Sqrt(rate * (1 - rate) / n + zSquared / (4 * n * n)) / denominator;
        var low = successes == 0 ? 0 : Math.Max(0, center - halfWidth);
        var high = successes == trials ? 1 : Math.Min(1, center + halfWidth);
        return new ProportionInterval(successes, trials, rate, low, high);
    }

    /// <summary>
    /// Whether this rate is below <paramref name="baseline"/>'s and the pooled two-proportion z-test
    /// says the gap is significant at 95 % (two-sided p &lt; 0.05).
    /// </summary>
    public bool IsSignificantlyBelow(ProportionInterval baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return TwoProportionTest.Compare(baseline, this).IsCurrentSignificantlyLower;
    }
}
