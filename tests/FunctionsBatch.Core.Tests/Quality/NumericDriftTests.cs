using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class NumericDriftTests
{
    private static readonly double[] Baseline = Enumerable.Range(1, 1000).Select(value => (double)value).ToArray();

    [Fact]
    public void Compare_SameValues_IsZero()
    {
        var drift = NumericDrift.Compare(Baseline, Baseline.Reverse());

        Assert.Equal(Enumerable.Repeat(100, 10), drift.BaselineCounts);
        Assert.Equal(drift.BaselineCounts, drift.CurrentCounts);
        Assert.Equal(0, drift.PopulationStabilityIndex, 12);
    }

    [Fact]
    public void Compare_Baseline_CutsAtInterpolatedDeciles()
    {
        // The 10th percentile of 1…1000 sits at position 0.1 · 999 = 99.9 → 100.9; the 90th at 899.1 → 900.1.
        var drift = NumericDrift.Compare(Baseline, Baseline);

        Assert.Equal(9, drift.BinEdges.Count);
        Assert.Equal(100.9, drift.BinEdges[0], 10);
        Assert.Equal(900.1, drift.BinEdges[^1], 10);
    }

    [Fact]
    public void Compare_SlightShift_StaysWellBelowModerate()
    {
        // +5: the first bin loses 5 values to the next and the last gains 5; PSI ≈ 0.0005.
        var drift = NumericDrift.Compare(Baseline, Baseline.Select(value => value + 5));

        Assert.Equal(95, drift.CurrentCounts[0]);
        Assert.Equal(105, drift.CurrentCounts[^1]);
        Assert.True(drift.PopulationStabilityIndex < 0.01);
    }

    [Fact]
    public void Compare_ValuesHalfAgainAsLong_IsALargeShift()
    {
        // ×1.5: values up to 100.9 / 1.5 = 67.3 land in the first bin (67), everything above 900.1 / 1.5 = 600.1 in the last (400).
        var drift = NumericDrift.Compare(Baseline, Baseline.Select(value => value * 1.5));

        Assert.Equal(67, drift.CurrentCounts[0]);
        Assert.Equal(400, drift.CurrentCounts[^1]);
        Assert.True(drift.PopulationStabilityIndex > 0.25);
        Assert.Equal(0.5376, drift.PopulationStabilityIndex, 4);
    }

    [Fact]
    public void Compare_ValuesBeyondTheBaseline_FallInTheEndBins()
    {
        // +300: nothing in the first three bins (each taken as 1e-4), 400 in the last.
        // PSI = 3·(0.0001 − 0.1)·ln(0.001) + (0.4 − 0.1)·ln 4 = 2.070254 + 0.415888 = 2.48614; the six unchanged bins add 0.
        var drift = NumericDrift.Compare(Baseline, Baseline.Select(value => value + 300));

        Assert.Equal([0, 0, 0, 100, 100, 100, 100, 100, 100, 400], drift.CurrentCounts);
        Assert.Equal(2.48614, drift.PopulationStabilityIndex, 5);
    }

    [Fact]
    public void Compare_ManyTiedValues_DropsDuplicateEdges()
    {
        double[] baseline = [.. Enumerable.Repeat(10.0, 90), .. Enumerable.Range(11, 10).Select(value => (double)value)];

        var drift = NumericDrift.Compare(baseline, baseline);

        Assert.Equal(drift.BinEdges.Distinct().Count(), drift.BinEdges.Count);
        Assert.Equal(0, drift.PopulationStabilityIndex, 12);
    }

    [Fact]
    public void Compare_EmptyCurrent_Throws()
    {
        Assert.Throws<ArgumentException>(() => NumericDrift.Compare(Baseline, []));
    }
}
