using MathNet.Numerics;

namespace FunctionsBatch.Core.Quality;

/// <summary>
/// Pooled two-proportion z-test between a baseline rate and a current rate.
/// </summary>
/// <param name="BaselineRate">Successes / trials of the baseline.</param>
/// <param name="CurrentRate">Successes / trials of the current sample.</param>
/// <param name="Z">(current − baseline) / pooled standard error; negative when the current rate is lower. 0 when the error is 0.</param>
/// <param name="PValue">Two-sided p-value: the chance of a gap at least this large if both rates were equal. 1 when either side has no trials.</param>
public sealed record TwoProportionTest(double BaselineRate, double CurrentRate, double Z, double PValue)
{
    public const double SignificanceLevel = 0.05;

    /// <summary>The current rate is lower and the two-sided p-value is below 0.05.</summary>
    public bool IsCurrentSignificantlyLower => CurrentRate < BaselineRate && PValue < SignificanceLevel;

    public static TwoProportionTest Compare(int baselineSuccesses, int baselineTrials, int currentSuccesses, int currentTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baselineSuccesses);
        ArgumentOutOfRangeException.ThrowIfNegative(currentSuccesses);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baselineSuccesses, baselineTrials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(currentSuccesses, currentTrials);
        var baselineRate = baselineTrials == 0 ? 0 : (double)baselineSuccesses / baselineTrials;
        var currentRate = currentTrials == 0 ? 0 : (double)currentSuccesses / currentTrials;
        if (baselineTrials == 0 || currentTrials == 0)
        {
            return new TwoProportionTest(baselineRate, currentRate, 0, 1);
        }

        var pooledRate = (double)(baselineSuccesses + currentSuccesses) / ((long)baselineTrials + currentTrials);
        var standardError = Math.Sqrt(pooledRate * (1 - pooledRate) * (1.0 / baselineTrials + 1.0 / currentTrials));
        if (standardError == 0)
        {
            return new TwoProportionTest(baselineRate, currentRate, 0, 1);
        }

        var z = (currentRate - baselineRate) / standardError;
        var pValue = SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
        return new TwoProportionTest(baselineRate, currentRate, z, pValue);
    }

    public static TwoProportionTest Compare(ProportionInterval baseline, ProportionInterval current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        return Compare(baseline.Successes, baseline.Trials, current.Successes, current.Trials);
    }
}
