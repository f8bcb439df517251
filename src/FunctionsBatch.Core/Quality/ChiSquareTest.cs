using MathNet.Numerics;

namespace FunctionsBatch.Core.Quality;

/// <summary>
/// Chi-square test of homogeneity on the 2 × k table of baseline and current counts: could both samples
/// come from one distribution over the k bins? Bins empty on both sides are left out. The p-value is an
/// approximation that gets poor when expected counts fall below about 5.
/// </summary>
/// <param name="Statistic">Σ (observed − expected)² / expected over the table's cells.</param>
/// <param name="DegreesOfFreedom">Bins with any count, minus 1.</param>
/// <param name="PValue">Chance of a statistic at least this large if both samples shared one distribution; 1 with fewer than two bins.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue)
{
    public static ChiSquareTest Homogeneity(IReadOnlyList<int> baselineCounts, IReadOnlyList<int> currentCounts)
    {
        DriftCounts.Validate(baselineCounts, currentCounts);
        double baselineTotal = baselineCounts.Sum(count => (long)count);
        double currentTotal = currentCounts.Sum(count => (long)count);
        var total = baselineTotal + currentTotal;
        var statistic = 0.0;
        var binsWithCounts = 0;
        for (var bin = 0; bin < baselineCounts.Count; bin++)
        {
            double binTotal = (long)baselineCounts[bin] + currentCounts[bin];
            if (binTotal == 0)
            {
                continue;
            }

            binsWithCounts++;
            statistic += Term(baselineCounts[bin], baselineTotal * binTotal / total);
            statistic += Term(currentCounts[bin], currentTotal * binTotal / total);
        }

        var degreesOfFreedom = binsWithCounts - 1;
        if (degreesOfFreedom == 0)
        {
            return new ChiSquareTest(0, 0, 1);
        }

        var pValue = SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2);
        return new ChiSquareTest(statistic, degreesOfFreedom, pValue);
    }

    private static double Term(double observed, double expected) => (observed - expected) * (observed - expected) / expected;
}
