using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class NumberScoreTests
{
    [Fact]
    public void Compute_MixedAnswers_CountsHitsWithinToleranceAndMeanErrorOfAnswered()
    {
        // Errors: 0, 0.5 (edge: within), 0.6 (outside), missing, NaN → 2 of 5 within; MAE over 3 answered = 1.1 / 3.
        NumberPair[] pairs =
        [
            new(10, 10),
            new(10, 10.5),
            new(-2, -2.6),
            new(3, null),
            new(3, double.NaN),
        ];

        var score = NumberScore.Compute(pairs, 0.5);

        Assert.Equal(ProportionInterval.Wilson(2, 5), score.WithinTolerance);
        Assert.Equal(0.5, score.Tolerance);
        Assert.Equal(1.1 / 3, score.MeanAbsoluteError, 10);
        Assert.Equal(2, score.Missing);
    }

    [Fact]
    public void Compute_ZeroTolerance_NeedsExactMatch()
    {
        var score = NumberScore.Compute([new NumberPair(1, 1), new NumberPair(1, 1.0001)], 0);

        Assert.Equal(1, score.WithinTolerance.Successes);
    }

    [Fact]
    public void Compute_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberScore.Compute([], -0.1));
    }

    [Theory]
    [InlineData(100, 101, 1, true)]
    [InlineData(100, 98.9, 1, false)]
    [InlineData(100, double.PositiveInfinity, 1e9, false)]
    public void IsWithin_AbsoluteTolerance_ComparesDistance(double expected, double actual, double tolerance, bool within)
    {
        Assert.Equal(within, NumberScore.IsWithin(expected, actual, tolerance));
    }
}
