using FunctionsBatch.Http.Reports;

namespace FunctionsBatch.Orchestration.Tests.Reports;

public sealed class SvgChartsTests
{
    [Theory]
    [InlineData(0, 1, 0.25)]
    [InlineData(430, 600, 200)]
    [InlineData(150_000, 150_000, 50_000)]
    [InlineData(241_000, 300_000, 100_000)]
    [InlineData(9, 10, 2.5)]
    public void NiceScale_Value_RoundMaximumAtOrAboveItWithFewTicks(double value, double max, double step)
    {
        var scale = SvgCharts.NiceScale(value);

        Assert.Equal((max, step), scale);
        Assert.InRange(scale.Max / scale.Step, 1, 5);
    }

    [Fact]
    public void TimeChart_StackedColumns_EachMarkIsDrawnToItsValueOnTheAxisScale()
    {
        var svg = SvgCharts.TimeChart(
            "c", "chart", ["0:00", "0:05"],
            [new ChartSeries("a", "#000", [100, 50], [10, 5]), new ChartSeries("b", "#111", [100, 0], [10, 0])],
            null, null, null, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Axis max 200 over a 192-pixel plot (240 - 14 - 34): 100 → 96 px, 50 → 48 px.
        Assert.Contains("data-series=\"a\" data-index=\"0\" data-value=\"100\" data-count=\"10\"", svg, StringComparison.Ordinal);
        Assert.Contains("y=\"110\" width=\"", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"96\"", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"48\"", svg, StringComparison.Ordinal);
        Assert.Contains("data-max=\"200\"", svg, StringComparison.Ordinal);
        Assert.Contains(">200</text>", svg, StringComparison.Ordinal);
    }
}
