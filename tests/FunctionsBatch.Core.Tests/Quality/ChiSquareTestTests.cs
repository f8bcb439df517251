using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class ChiSquareTestTests
{
    [Fact]
    public void Homogeneity_TwoByTwo_MatchesKnownStatisticAndPValue()
    {
        // [[10, 20], [20, 10]]: every expected count is 30·30/60 = 15; statistic = 4 · 5²/15 = 6.6667, dof 1, p = 0.009823.
        var test = ChiSquareTest.Homogeneity([10, 20], [20, 10]);

        Assert.Equal(100.0 / 15, test.Statistic, 10);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.009823, test.PValue, 6);
    }

    [Fact]
    public void Homogeneity_TwoByThree_MatchesHandComputation()
    {
        // [[30, 20, 10], [20, 20, 20]]: rows 60/60, columns 50/40/30, N 120 → expected 25/20/15 on both rows.
        // Statistic = 2·5²/25 + 0 + 2·5²/15 = 2 + 3.3333 = 5.3333; dof 2; with 2 dof p = exp(−x/2) = exp(−2.6667) = 0.069483.
        var test = ChiSquareTest.Homogeneity([30, 20, 10], [20, 20, 20]);

        Assert.Equal(16.0 / 3, test.Statistic, 10);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-8.0 / 3), test.PValue, 10);
    }

    [Fact]
    public void Homogeneity_BinEmptyOnBothSides_IsLeftOut()
    {
        Assert.Equal(ChiSquareTest.Homogeneity([10, 20], [20, 10]), ChiSquareTest.Homogeneity([10, 0, 20], [20, 0, 10]));
    }

    [Fact]
    public void Homogeneity_IdenticalShares_HasStatisticZeroAndPValueOne()
    {
        var test = ChiSquareTest.Homogeneity([10, 20, 30], [20, 40, 60]);

        Assert.Equal(0, test.Statistic, 12);
        Assert.Equal(1, test.PValue, 12);
    }

    [Fact]
    public void Homogeneity_SingleBin_HasNoDegreesOfFreedom()
    {
        Assert.Equal(new ChiSquareTest(0, 0, 1), ChiSquareTest.Homogeneity([5, 0], [9, 0]));
    }

    [Fact]
    public void Homogeneity_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareTest.Homogeneity([5, -1], [9, 1]));
    }
}
