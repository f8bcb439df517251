namespace FunctionsBatch.Http.Reports;

/// <summary>One bar of a horizontal bar chart: its label, the value it is drawn to, and the text printed beside it.</summary>
public sealed record HorizontalBar(string Label, double Value, string Display);
