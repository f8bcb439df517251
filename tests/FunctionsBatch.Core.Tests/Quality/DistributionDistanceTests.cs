using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class DistributionDistanceTests
{
    [Fact]
    public void PopulationStabilityIndex_TwoBins_MatchesHandComputation()
    {
        // Shares 0.5/0.5 → 0.8/0.2: (0.8 − 0.5)·ln(1.6) + (0.2 − 0.5)·ln(0.4) = 0.141001 + 0.274887 = 0.415888.
        Assert.Equal(0.415888, DistributionDistance.PopulationStabilityIndex([50, 50], [80, 20]), 6);
    }

    [Fact]
    public void PopulationStabilityIndex_EmptyBaselineBin_UsesEpsilonShare()
    {
        // Shares 0.6/0.4/0 → 0.5/0.3/0.2, the empty bin taken as 1e-4:
        // (0.5 − 0.6)·ln(0.5/0.6) = 0.018232; (0.3 − 0.4)·ln(0.75) = 0.028768; (0.2 − 0.0001)·ln(2000) = 1.519420 → 1.566421.
        Assert.Equal(1.566421, DistributionDistance.PopulationStabilityIndex([60, 40, 0], [50, 30, 20]), 6);
    }

    [Fact]
    public void PopulationStabilityIndex_SameSharesAtDifferentSizes_IsZero()
    {
        Assert.Equal(0, DistributionDistance.PopulationStabilityIndex([10, 30, 0, 60], [100, 300, 0, 600]), 12);
    }

    [Fact]
    public void JensenShannonDistance_SameShares_IsZero()
    {
        Assert.Equal(0, DistributionDistance.JensenShannonDistance([1, 2, 3], [10, 20, 30]), 7);
    }

    [Fact]
    public void JensenShannonDistance_NoBinInCommon_IsOne()
    {
        Assert.Equal(1, DistributionDistance.JensenShannonDistance([5, 0, 0], [0, 3, 7]), 12);
    }

    [Fact]
    public void JensenShannonDistance_HalfOverlap_MatchesHandComputation()
    {
        // P = (1, 0), Q = (0.5, 0.5), M = (0.75, 0.25).
        // KL(P‖M) = log2(1/0.75) = 0.415037; KL(Q‖M) = 0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25) = 0.207519.
        // JSD = (0.415037 + 0.207519) / 2 = 0.311278; distance = sqrt(0.311278) = 0.557923.
        Assert.Equal(0.557923, DistributionDistance.JensenShannonDistance([2, 0], [1, 1]), 6);
    }

    [Fact]
    public void JensenShannonDistance_IsSymmetric()
    {
        Assert.Equal(
            DistributionDistance.JensenShannonDistance([10, 20, 5], [3, 1, 9]),
            DistributionDistance.JensenShannonDistance([3, 1, 9], [10, 20, 5]),
            12);
    }

    [Fact]
    public void PopulationStabilityIndex_DifferentBinCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => DistributionDistance.PopulationStabilityIndex([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void JensenShannonDistance_EmptySide_Throws()
    {
        Assert.Throws<ArgumentException>(() => DistributionDistance.JensenShannonDistance([0, 0], [1, 2]));
    }
}
