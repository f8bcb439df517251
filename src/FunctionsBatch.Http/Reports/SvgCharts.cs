using System.Globalization;
using System.Net;
using System.Text;

namespace FunctionsBatch.Http.Reports;

/// <summary>
/// Inline SVG charts drawn on the server: no script, no external resource. Every mark carries its number in
/// <c>data-value</c> (and the unscaled count in <c>data-count</c>), and the axes are labelled, so a reader
/// and a test see the same figures.
/// </summary>
public static class SvgCharts
{
    private const double Width = 960;
    private const double Height = 240;
    private const double Left = 70;
    private const double Right = 16;
    private const double Top = 14;
    private const double Bottom = 34;
    private const int MaxXLabels = 10;

    /// <summary>Stacked columns per bucket, optionally a line series over them and a dashed reference line.</summary>
    public static string TimeChart(
        string id,
        string ariaLabel,
        IReadOnlyList<string> bucketLabels,
        IReadOnlyList<ChartSeries> columns,
        ChartSeries? line,
        double? reference,
        string? referenceLabel,
        Func<double, string> formatValue)
    {
        ArgumentNullException.ThrowIfNull(bucketLabels);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(formatValue);
        var n = bucketLabels.Count;
        var stackedMax = Enumerable.Range(0, n).Select(i => columns.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max();
        var lineMax = line?.Values.DefaultIfEmpty(0).Max() ?? 0;
        var (max, step) = NiceScale(Math.Max(Math.Max(stackedMax, lineMax), reference ?? 0));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / Math.Max(n, 1);
        double Y(double value) => Top + plotHeight - (value / max * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{Html(id)}\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html(ariaLabel)}\" data-max=\"{Num(max)}\">");
        for (var tick = 0.0; tick <= max + step / 2; tick += step)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Num(Left)}\" x2=\"{Num(Width - Right)}\" y1=\"{Num(y)}\" y2=\"{Num(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis y-tick\" x=\"{Num(Left - 8)}\" y=\"{Num(y + 4)}\" text-anchor=\"end\" data-value=\"{Num(tick)}\">{Html(formatValue(tick))}</text>");
        }

        var every = Math.Max(1, (int)Math.Ceiling(n / (double)MaxXLabels));
        for (var i = 0; i < n; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis x-tick\" x=\"{Num(Left + (slot * i) + (slot / 2))}\" y=\"{Num(Height - 12)}\" text-anchor=\"middle\">{Html(bucketLabels[i])}</text>");
        }

        var barWidth = Math.Max(1, slot * 0.72);
        for (var i = 0; i < n; i++)
        {
            var baseline = 0.0;
            foreach (var series in columns)
            {
                var value = series.Values[i];
                var top = Y(baseline + value);
                var height = Y(baseline) - top;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" data-series=\"{Html(series.Name)}\" data-index=\"{i}\" data-value=\"{Num(value)}\" data-count=\"{series.Counts[i]}\" x=\"{Num(Left + (slot * i) + ((slot - barWidth) / 2))}\" y=\"{Num(top)}\" width=\"{Num(barWidth)}\" height=\"{Num(height)}\" fill=\"{Html(series.Color)}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{Html(bucketLabels[i])} · {Html(series.Name)}: {Html(formatValue(value))}</title></rect>");
                baseline += value;
            }
        }

        if (line is not null && n > 0)
        {
            var points = string.Join(' ', Enumerable.Range(0, n).Select(i => $"{Num(Left + (slot * i) + (slot / 2))},{Num(Y(line.Values[i]))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" data-series=\"{Html(line.Name)}\" points=\"{points}\" fill=\"none\" stroke=\"{Html(line.Color)}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
            for (var i = 0; i < n; i++)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle class=\"point\" data-series=\"{Html(line.Name)}\" data-index=\"{i}\" data-value=\"{Num(line.Values[i])}\" data-count=\"{line.Counts[i]}\" cx=\"{Num(Left + (slot * i) + (slot / 2))}\" cy=\"{Num(Y(line.Values[i]))}\" r=\"3.5\" fill=\"{Html(line.Color)}\">");
                svg.Append(CultureInfo.InvariantCulture, $"<title>{Html(bucketLabels[i])} · {Html(line.Name)}: {Html(formatValue(line.Values[i]))}</title></circle>");
            }
        }

        if (reference is { } quota)
        {
            var y = Y(quota);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"quota\" data-value=\"{Num(quota)}\" x1=\"{Num(Left)}\" x2=\"{Num(Width - Right)}\" y1=\"{Num(y)}\" y2=\"{Num(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"quota-label\" x=\"{Num(Width - Right - 4)}\" y=\"{Num(y - 6)}\" text-anchor=\"end\">{Html(referenceLabel ?? string.Empty)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis-line\" x1=\"{Num(Left)}\" x2=\"{Num(Width - Right)}\" y1=\"{Num(Y(0))}\" y2=\"{Num(Y(0))}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Labelled horizontal bars, longest first as given, each scaled to the largest value.</summary>
    public static string HorizontalBars(string id, string ariaLabel, IReadOnlyList<HorizontalBar> bars, string color)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const double labelWidth = 260;
        const double valueWidth = 130;
        const double rowHeight = 30;
        var height = Math.Max(1, bars.Count) * rowHeight + 8;
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var plotWidth = Width - labelWidth - valueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{Html(id)}\" class=\"chart hbars\" viewBox=\"0 0 {Width} {Num(height)}\" role=\"img\" aria-label=\"{Html(ariaLabel)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + (i * rowHeight);
            var width = max <= 0 ? 0 : bar.Value / max * plotWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"bar-label\" x=\"{Num(labelWidth - 10)}\" y=\"{Num(y + 19)}\" text-anchor=\"end\">{Html(Shorten(bar.Label, 38))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" data-label=\"{Html(bar.Label)}\" data-value=\"{Num(bar.Value)}\" x=\"{Num(labelWidth)}\" y=\"{Num(y + 4)}\" width=\"{Num(Math.Max(width, bar.Value > 0 ? 2 : 0))}\" height=\"{Num(rowHeight - 10)}\" rx=\"3\" fill=\"{Html(color)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Html(bar.Label)}: {Html(bar.Display)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"bar-value\" x=\"{Num(labelWidth + width + 8)}\" y=\"{Num(y + 19)}\">{Html(bar.Display)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A round axis maximum at or above <paramref name="value"/> and a tick step of 1, 2, 2.5 or 5 × 10ⁿ giving four or five ticks.</summary>
    public static (double Max, double Step) NiceScale(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return (1, 0.25);
        }

        var rough = value / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return (Math.Ceiling(value / step) * step, step);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
