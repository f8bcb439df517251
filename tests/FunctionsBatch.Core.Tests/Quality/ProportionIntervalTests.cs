using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class ProportionIntervalTests
{
    [Theory]
    [InlineData(92, 100, 0.92, 0.8500, 0.9589)]
    [InlineData(84, 100, 0.84, 0.7558, 0.8990)]
    [InlineData(1, 3, 1.0 / 3, 0.0615, 0.7923)]
    public void Wilson_KnownCounts_GivesTheWilsonScoreBounds(int successes, int trials, double rate, double low, double high)
    {
        var interval = ProportionInterval.Wilson(successes, trials);

        Assert.Equal(successes, interval.Successes);
        Assert.Equal(trials, interval.Trials);
        Assert.Equal(rate, interval.Rate, 10);
        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Wilson_NoSuccesses_LowIsZeroAndHighIsPositive()
    {
        var interval = ProportionInterval.Wilson(0, 10);

        Assert.Equal(0, interval.Rate);
        Assert.Equal(0, interval.Low);
        Assert.Equal(0.2775, interval.High, 4);
    }

    [Fact]
    public void Wilson_AllSuccesses_HighIsExactlyOne()
    {
        var interval = ProportionInterval.Wilson(10, 10);

        Assert.Equal(1, interval.Rate);
        Assert.Equal(0.7225, interval.Low, 4);
        Assert.Equal(1, interval.High);
    }

    [Fact]
    public void Wilson_NoTrials_IsTheWholeUnitInterval()
    {
        Assert.Equal(new ProportionInterval(0, 0, 0, 0, 1), ProportionInterval.Wilson(0, 0));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void Wilson_ImpossibleCounts_Throws(int successes, int trials)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(successes, trials));
    }

    [Fact]
    public void IsSignificantlyBelow_ClearDrop_IsTrueOnlyForTheLowerRate()
    {
        var baseline = ProportionInterval.Wilson(920, 1000);
        var current = ProportionInterval.Wilson(840, 1000);

        Assert.True(current.IsSignificantlyBelow(baseline));
        Assert.False(baseline.IsSignificantlyBelow(current));
    }
}
