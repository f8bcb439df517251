namespace FunctionsBatch.Http.Reports;

/// <summary>One series of a time chart: per-bucket values as plotted, and the raw counts behind them.</summary>
/// <param name="Name">Shown in the legend and kept in each mark's <c>data-series</c>.</param>
/// <param name="Color">A CSS colour.</param>
/// <param name="Values">The plotted value per bucket (for rates: per minute).</param>
/// <param name="Counts">What the bucket holds before scaling, kept in <c>data-count</c>.</param>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values, IReadOnlyList<long> Counts);
