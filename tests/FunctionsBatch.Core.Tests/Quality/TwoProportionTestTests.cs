using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class TwoProportionTestTests
{
    [Fact]
    public void Compare_920Of1000Against840Of1000_IsHighlySignificant()
    {
        // Pooled rate 0.88; SE = sqrt(0.88 × 0.12 × (1/1000 + 1/1000)) = 0.014533; z = −0.08 / 0.014533 = −5.5048.
        var test = TwoProportionTest.Compare(920, 1000, 840, 1000);

        Assert.Equal(0.92, test.BaselineRate, 10);
        Assert.Equal(0.84, test.CurrentRate, 10);
        Assert.Equal(-5.5048, test.Z, 4);
        Assert.True(test.PValue < 0.001);
        Assert.InRange(test.PValue, 3.69e-8, 3.70e-8);
        Assert.True(test.IsCurrentSignificantlyLower);
    }

    [Fact]
    public void Compare_92Of100Against90Of100_IsNotSignificant()
    {
        // Pooled rate 0.91; SE = sqrt(0.91 × 0.09 × 0.02) = 0.040472; z = −0.02 / 0.040472 = −0.4942; p = 0.6212.
        var test = TwoProportionTest.Compare(92, 100, 90, 100);

        Assert.Equal(-0.4942, test.Z, 4);
        Assert.Equal(0.6212, test.PValue, 4);
        Assert.False(test.IsCurrentSignificantlyLower);
    }

    [Fact]
    public void Compare_SignificantRise_IsNotSignificantlyLower()
    {
        var test = TwoProportionTest.Compare(840, 1000, 920, 1000);

        Assert.True(test.PValue < 0.001);
        Assert.True(test.Z > 0);
        Assert.False(test.IsCurrentSignificantlyLower);
    }

    [Theory]
    [InlineData(0, 0, 5, 10)]
    [InlineData(10, 10, 20, 20)]
    [InlineData(0, 10, 0, 20)]
    public void Compare_NoTrialsOrNoVariance_HasPValueOne(int baselineSuccesses, int baselineTrials, int currentSuccesses, int currentTrials)
    {
        var test = TwoProportionTest.Compare(baselineSuccesses, baselineTrials, currentSuccesses, currentTrials);

        Assert.Equal(0, test.Z);
        Assert.Equal(1, test.PValue);
        Assert.False(test.IsCurrentSignificantlyLower);
    }

    [Fact]
    public void Compare_Intervals_UsesTheirCounts()
    {
        var test = TwoProportionTest.Compare(ProportionInterval.Wilson(92, 100), ProportionInterval.Wilson(90, 100));

        Assert.Equal(TwoProportionTest.Compare(92, 100, 90, 100), test);
    }
}
