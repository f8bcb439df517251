using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class NumberSummaryTests
{
    [Fact]
    public void Of_OneToTwenty_P95IsNineteenthValue()
    {
        // Nearest rank: ceil(0.95 · 20) = 19 → 19; mean 10.5.
        var summary = NumberSummary.Of(Enumerable.Range(1, 20).Reverse().Select(value => (double)value));

        Assert.Equal(new NumberSummary(20, 10.5, 19), summary);
    }

    [Fact]
    public void Of_TenValues_P95IsTheMaximum()
    {
        // ceil(0.95 · 10) = 10 → the largest value.
        var summary = NumberSummary.Of([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);

        Assert.Equal(3.9, summary.Mean, 10);
        Assert.Equal(9, summary.P95);
    }

    [Fact]
    public void Of_TwentyOneValues_P95RoundsTheRankUp()
    {
        // ceil(0.95 · 21) = ceil(19.95) = 20 → the 20th of 0, 10, …, 200, which is 190.
        Assert.Equal(190, NumberSummary.Of(Enumerable.Range(0, 21).Select(value => value * 10.0)).P95);
    }

    [Fact]
    public void Of_NoValues_IsAllZero()
    {
        Assert.Equal(new NumberSummary(0, 0, 0), NumberSummary.Of([]));
    }
}
