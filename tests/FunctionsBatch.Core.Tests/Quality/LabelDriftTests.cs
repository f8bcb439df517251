using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class LabelDriftTests
{
    [Fact]
    public void Compare_SameShares_HasNoDrift()
    {
        var drift = LabelDrift.Compare(
            new Dictionary<string, int> { ["yes"] = 30, ["no"] = 10 },
            new Dictionary<string, int> { ["YES"] = 300, ["No "] = 100 });

        Assert.Equal(["NO", "YES"], drift.Labels);
        Assert.Equal(0, drift.PopulationStabilityIndex, 12);
        Assert.Equal(0, drift.JensenShannonDistance, 7);
        Assert.Equal(0, drift.ChiSquare.Statistic, 12);
        Assert.Equal(1, drift.ChiSquare.PValue, 12);
    }

    [Fact]
    public void Compare_SwappedShares_MatchesHandComputation()
    {
        // Shares 1/3, 2/3 → 2/3, 1/3. PSI = (1/3)·ln 2 + (−1/3)·ln(1/2) = (2/3)·ln 2 = 0.462098.
        // M = (1/2, 1/2); each KL = (1/3)·log2(2/3) + (2/3)·log2(4/3) = 0.081704; distance = sqrt(0.081704) = 0.285839.
        // Labels with no count on either side (C, D) are left out, so the chi-square is the 2 × 2 [[10, 20], [20, 10]].
        var drift = LabelDrift.Compare(
            new Dictionary<string, int> { ["A"] = 10, ["b"] = 20, ["C"] = 0 },
            new Dictionary<string, int> { [" a "] = 20, ["B"] = 10, ["D"] = 0 });

        Assert.Equal(["A", "B"], drift.Labels);
        Assert.Equal(2.0 / 3 * Math.Log(2), drift.PopulationStabilityIndex, 10);
        Assert.Equal(0.285839, drift.JensenShannonDistance, 6);
        Assert.Equal(ChiSquareTest.Homogeneity([10, 20], [20, 10]), drift.ChiSquare);
    }

    [Fact]
    public void Compare_LabelOnlyInCurrent_StillCounts()
    {
        // Shares A 0.5/0.5, B 0.5/0.4, C 0 (→ 1e-4)/0.1.
        // PSI = 0 + (0.4 − 0.5)·ln 0.8 + (0.1 − 0.0001)·ln 1000 = 0.022314 + 0.690085 = 0.712399.
        // Chi-square: columns 100/90/10 of N 200 → expected 50/45/5 per row; 2·5²/45 + 2·5²/5 = 11.1111, dof 2, p = exp(−5.5556) = 0.003866.
        var drift = LabelDrift.Compare(
            new Dictionary<string, int> { ["A"] = 50, ["B"] = 50 },
            new Dictionary<string, int> { ["A"] = 50, ["B"] = 40, ["C"] = 10 });

        Assert.Equal(["A", "B", "C"], drift.Labels);
        Assert.Equal(0.712399, drift.PopulationStabilityIndex, 6);
        Assert.Equal(100.0 / 9, drift.ChiSquare.Statistic, 10);
        Assert.Equal(2, drift.ChiSquare.DegreesOfFreedom);
        Assert.Equal(0.003866, drift.ChiSquare.PValue, 6);
    }

    [Fact]
    public void Compare_NoLabelInCommon_HasDistanceOne()
    {
        var drift = LabelDrift.Compare(
            new Dictionary<string, int> { ["A"] = 10 },
            new Dictionary<string, int> { ["B"] = 10 });

        Assert.Equal(1, drift.JensenShannonDistance, 12);
    }

    [Fact]
    public void Compare_LabelsDifferingOnlyInCase_AreMerged()
    {
        var drift = LabelDrift.Compare(
            new Dictionary<string, int> { ["yes"] = 5, ["Yes"] = 5, ["no"] = 10 },
            new Dictionary<string, int> { ["YES"] = 10, ["NO"] = 10 });

        Assert.Equal(["NO", "YES"], drift.Labels);
        Assert.Equal(0, drift.PopulationStabilityIndex, 12);
    }

    [Fact]
    public void Compare_EmptyCurrent_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelDrift.Compare(
            new Dictionary<string, int> { ["A"] = 10 },
            new Dictionary<string, int>()));
    }
}
