using System.Globalization;
using System.Net;
using System.Text;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Reports;

/// <summary>
/// Renders a <see cref="RunReport"/> as one self-contained HTML page: inline CSS and SVG, no script, no
/// external request (the page's Content-Security-Policy forbids them). Every value that comes from data —
/// ids, tags, error messages, model outputs — is HTML-encoded; nothing from a record is written raw.
/// </summary>
public static class RunReportHtml
{
    /// <summary>Sent as a header and repeated in the page: nothing may be fetched, nothing may run.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    public const int SampleOutputLength = 280;

    private const string SucceededColor = "#16a34a";
    private const string FailedColor = "#dc2626";
    private const string TokensColor = "#2563eb";
    private const string ThrottledColor = "#d97706";
    private const string RetriesColor = "#7c3aed";
    private const string CostColor = "#0f766e";

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var status = report.Status;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{E(ContentSecurityPolicy)}\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Run report · {E(status.Id)}</title><style>{Styles}</style></head><body>");
        html.Append("<header class=\"top\"><div class=\"brand\">FunctionsBatch <span>run report</span></div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"generated\">generated {E(Time(report.GeneratedUtc))}</div></header><main>");
        AppendHeader(html, report);
        AppendProgress(html, report);
        AppendThrottling(html, report);
        AppendCost(html, report);
        AppendFailures(html, report);
        AppendSample(html, report);
        html.Append(CultureInfo.InvariantCulture,
            $"<footer>Built from {Count(report.RowsRead)} result rows{(report.RowsLimited ? " (the run has more; the report reads at most this many)" : string.Empty)} and {Count(report.Costs.Count)} cost row(s). Times are UTC. This page makes no external requests.</footer>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, RunReport report)
    {
        var status = report.Status;
        var job = report.Job;
        var outcome = status.Outcome ?? status.Phase ?? status.RuntimeStatus;
        html.Append("<section class=\"card head\"><div class=\"title-row\"><div>");
        html.Append(CultureInfo.InvariantCulture, $"<h1 data-field=\"job\">{E(job.Name.Length > 0 ? job.Name : "(job not known yet)")}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"run-id\" data-field=\"runId\">{E(status.Id)}</div></div>");
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"badges\"><span class=\"badge outcome-{E(OutcomeClass(outcome))}\" data-field=\"outcome\">{E(outcome)}</span><span class=\"badge neutral\" data-field=\"runtimeStatus\">{E(status.RuntimeStatus)}</span></div></div>");
        if (status.Reason is { Length: > 0 } reason)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\" data-field=\"reason\">{E(reason)}</p>");
        }

        var started = status.Output?.StartedUtc ?? status.CreatedTime;
        var ended = status.Output?.CompletedUtc ?? status.LastUpdatedTime;
        html.Append("<dl class=\"facts\">");
        Fact(html, "model", "Model", job.Model);
        Fact(html, "promptVersion", "Prompt version", job.PromptVersion);
        Fact(html, "started", "Started", Time(started));
        Fact(html, "lastUpdated", status.Output is null ? "Last update" : "Completed", Time(ended));
        Fact(html, "duration", "Duration", Duration(ended - started));
        if (status.Output?.RetryOf is { } retryOf)
        {
            Fact(html, "retryOf", "Retry of", retryOf);
        }

        html.Append("</dl>");
        var counts = status.Progress;
        html.Append("<div class=\"kpis\">");
        Kpi(html, "total", "Records", counts.TotalRecords, null);
        Kpi(html, "succeeded", "Succeeded", counts.Succeeded, "ok");
        Kpi(html, "failed", "Failed", counts.Failed, counts.Failed > 0 ? "bad" : null);
        Kpi(html, "skipped", "Skipped", counts.Skipped, null);
        Kpi(html, "requests", "Requests", counts.Requests, null);
        Kpi(html, "throttled", "429s", counts.Throttled, counts.Throttled > 0 ? "warn" : null);
        Kpi(html, "truncated", "Truncated answers", counts.Truncated, counts.Truncated > 0 ? "warn" : null);
        Kpi(html, "tokens", "Tokens", status.Tokens.Input + status.Tokens.Output, null);
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"kpi\"><div class=\"kpi-label\">Cost</div><div class=\"kpi-value\" data-field=\"costUsd\" data-value=\"{status.CostMicros}\">{E(Dollars(status.CostMicros))}</div></div>");
        html.Append("</div>");
        var tags = job.Tags;
        if (tags.Count > 0)
        {
            html.Append("<div class=\"tags\">");
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"tag\" data-tag=\"{E(key)}\"><b>{E(key)}</b> {E(value)}</span>");
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static void AppendProgress(StringBuilder html, RunReport report)
    {
        var series = report.Progress;
        var labels = BucketLabels(series);
        var buckets = series.Buckets;
        html.Append("<section class=\"card\"><h2>Progress over time</h2>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Records and tokens per minute by the time each result row was stored, in <span data-field=\"bucket\" data-value=\"{series.BucketSeconds}\">{E(series.BucketLabel)}</span> (x axis: time since the run started).</p>");
        html.Append("<h3>Records per minute</h3>");
        Legend(html, ("succeeded", SucceededColor), ("failed", FailedColor));
        html.Append(SvgCharts.TimeChart(
            "chart-records",
            "Records per minute",
            labels,
            [
                Rate(series, "succeeded", SucceededColor, buckets.Select(b => (long)b.Succeeded)),
                Rate(series, "failed", FailedColor, buckets.Select(b => (long)b.Failed)),
            ],
            null,
            null,
            null,
            Compact));
        html.Append("<h3>Tokens per minute</h3>");
        var quota = report.TokensPerMinuteQuota > 0 ? report.TokensPerMinuteQuota : (double?)null;
        Legend(html, ("tokens/min (prompt + completion)", TokensColor));
        if (quota is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"legend-quota\">- - deployment quota {E(Compact(quota.Value))} TPM</span>");
        }
        else
        {
            html.Append("<span class=\"legend-quota none\" data-field=\"quota\">no TPM quota configured for this deployment (the pacer learns the rate from the service)</span>");
        }

        html.Append(SvgCharts.TimeChart(
            "chart-tokens",
            "Tokens per minute against the deployment quota",
            labels,
            [],
            Rate(series, "tokens", TokensColor, buckets.Select(b => b.Tokens)),
            quota,
            quota is null ? null : $"quota {Compact(quota.Value)} TPM",
            Compact));
        html.Append("</section>");
    }

    private static void AppendThrottling(StringBuilder html, RunReport report)
    {
        var totals = report.Throttling;
        var series = report.Progress;
        html.Append("<section class=\"card\"><h2>Throttling and retries</h2><div class=\"kpis small\">");
        Kpi(html, "throttlingRequests", "Requests", totals.Requests, null);
        Kpi(html, "throttling429", "429 answers", totals.Throttled, totals.Throttled > 0 ? "warn" : null);
        Kpi(html, "retries", "Extra calls", totals.Retries, null);
        Kpi(html, "recordsRetried", "Records needing >1 call", totals.RecordsRetried, null);
        html.Append("</div><p class=\"note\">Per bucket: 429 answers met by the records finished in it, and calls beyond each record's first (retries after 429s or transient faults, and schema re-asks).</p>");
        Legend(html, ("429s", ThrottledColor), ("extra calls", RetriesColor));
        html.Append(SvgCharts.TimeChart(
            "chart-throttling",
            "429 answers and extra calls per bucket",
            BucketLabels(series),
            [
                new ChartSeries("429s", ThrottledColor, series.Buckets.Select(b => (double)b.Throttled).ToArray(), series.Buckets.Select(b => (long)b.Throttled).ToArray()),
                new ChartSeries("extra calls", RetriesColor, series.Buckets.Select(b => (double)b.Retries).ToArray(), series.Buckets.Select(b => (long)b.Retries).ToArray()),
            ],
            null,
            null,
            null,
            Compact));
        html.Append("</section>");
    }

    private static void AppendCost(StringBuilder html, RunReport report)
    {
        html.Append("<section class=\"card\"><h2>Cost by model, mode and tenant</h2>");
        if (report.Costs.Count == 0)
        {
            html.Append("<p class=\"empty\" data-field=\"costs\">No cost row yet: the run writes it when it finishes. The header shows the cost so far.</p></section>");
            return;
        }

        // The run row is the total of the model × mode rows written with it: chart the parts when there are any.
        var parts = report.Costs.Where(c => !c.IsRunTotal).ToArray();
        html.Append(SvgCharts.HorizontalBars(
            "chart-cost",
            "Cost per model, mode and tenant",
            (parts.Length > 0 ? parts : report.Costs).Select(c => new HorizontalBar(CostLabel(c), c.CostMicros, Dollars(c.CostMicros))).ToArray(),
            CostColor));
        OpenTable(html, "data", "cost-table", "Row", "Model", "Mode", "Tenant", "#Records", "#Requests", "#Input tokens", "#Cached", "#Output tokens", "#Cost");
        foreach (var line in report.Costs)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-row=\"{E(line.RowKey)}\"><td>{E(line.RowKey)}</td><td>{E(line.Model)}</td><td>{E(line.Mode)}</td><td>{E(line.Tenant)}</td><td class=\"num\">{Count(line.Records)}</td><td class=\"num\">{Count(line.Requests)}</td><td class=\"num\">{Count(line.InputTokens)}</td><td class=\"num\">{Count(line.CachedInputTokens)}</td><td class=\"num\">{Count(line.OutputTokens)}</td><td class=\"num\" data-field=\"cost\" data-value=\"{line.CostMicros}\">{E(Dollars(line.CostMicros))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendFailures(StringBuilder html, RunReport report)
    {
        html.Append("<section class=\"card\"><h2>Failures by reason</h2>");
        if (report.Failures.Count == 0)
        {
            html.Append("<p class=\"empty\" data-field=\"failures\">No record failed.</p></section>");
            return;
        }

        html.Append(SvgCharts.HorizontalBars(
            "chart-failures",
            "Failed records by error code",
            report.Failures.Select(f => new HorizontalBar(f.Code, f.Count, $"{Count(f.Count)} record{(f.Count == 1 ? string.Empty : "s")}")).ToArray(),
            FailedColor));
        OpenTable(html, "data", "failure-table", "Error code", "#Records", "Example message");
        foreach (var failure in report.Failures)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-code=\"{E(failure.Code)}\"><td><code>{E(failure.Code)}</code></td><td class=\"num\" data-value=\"{failure.Count}\">{Count(failure.Count)}</td><td class=\"message\">{E(Shorten(failure.ExampleMessage ?? string.Empty, SampleOutputLength))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendSample(StringBuilder html, RunReport report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\"><h2>Sample of results <span class=\"sub\">first {Count(report.Sample.Count)} rows by record id</span></h2>");
        if (report.Sample.Count == 0)
        {
            html.Append("<p class=\"empty\">No result rows yet.</p></section>");
            return;
        }

        OpenTable(html, "data sample", "sample-table", "Record", "Status", "#Tokens", "#Calls", "#Latency", "Output or error");
        foreach (var row in report.Sample)
        {
            var detail = row.Status == RecordStatus.Failed
                ? $"{row.ErrorCode}: {row.ErrorMessage}"
                : row.Output ?? string.Empty;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-record=\"{E(row.RecordId)}\"><td><code>{E(row.RecordId)}</code></td><td><span class=\"status status-{E(row.Status)}\">{E(row.Status)}</span>{(row.FromLedger ? " <span class=\"status ledger\">ledger</span>" : string.Empty)}</td><td class=\"num\">{Count(row.Usage.TotalTokens)}</td><td class=\"num\">{Count(row.Attempts)}</td><td class=\"num\">{Count(row.LatencyMs)} ms</td><td class=\"output\"><code>{E(Shorten(detail, SampleOutputLength))}</code></td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    /// <summary>Opens a table and writes its header; a column named with a leading <c>#</c> holds numbers and is right-aligned.</summary>
    private static void OpenTable(StringBuilder html, string cssClass, string id, params string[] columns)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"{cssClass}\" id=\"{id}\"><thead><tr>");
        foreach (var column in columns)
        {
            html.Append(column.StartsWith('#') ? $"<th class=\"num\">{E(column[1..])}</th>" : $"<th>{E(column)}</th>");
        }

        html.Append("</tr></thead><tbody>");
    }

    private static ChartSeries Rate(ProgressSeries series, string name, string color, IEnumerable<long> counts)
    {
        var raw = counts.ToArray();
        return new ChartSeries(name, color, raw.Select(c => series.PerMinute(c)).ToArray(), raw);
    }

    private static string[] BucketLabels(ProgressSeries series) =>
        series.Buckets.Select((_, i) => Offset(TimeSpan.FromSeconds((double)i * series.BucketSeconds))).ToArray();

    private static void Legend(StringBuilder html, params (string Name, string Color)[] items)
    {
        html.Append("<div class=\"legend\">");
        foreach (var (name, color) in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{E(color)}\"></i>{E(name)}</span>");
        }

        html.Append("</div>");
    }

    private static void Fact(StringBuilder html, string field, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(label)}</dt><dd data-field=\"{E(field)}\">{E(value)}</dd></div>");

    private static void Kpi(StringBuilder html, string field, string label, long value, string? tone) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"kpi{(tone is null ? string.Empty : " " + tone)}\"><div class=\"kpi-label\">{E(label)}</div><div class=\"kpi-value\" data-field=\"{E(field)}\" data-value=\"{value}\">{Count(value)}</div></div>");

    private static string CostLabel(ReportCostLine line) =>
        string.Join(" · ", new[] { line.Model, line.Mode, line.Tenant }.Where(p => p.Length > 0).DefaultIfEmpty(line.RowKey));

    private static string OutcomeClass(string outcome) => outcome switch
    {
        "Succeeded" => "good",
        "CompletedWithFailures" or "BudgetExceeded" or "Canceled" => "partial",
        "Failed" or "Terminated" => "bad",
        _ => "running",
    };

    private static string Offset(TimeSpan offset) => offset.TotalHours >= 1
        ? $"{(int)offset.TotalHours}:{offset.Minutes:00}:{offset.Seconds:00}"
        : $"{(int)offset.TotalMinutes}:{offset.Seconds:00}";

    private static string Duration(TimeSpan span) => span.TotalMinutes >= 1
        ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => Time(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));

    private static string Dollars(long micros) => "$" + CostCalculator.ToDollars(micros).ToString(micros < 10_000_000 ? "0.0000" : "#,0.00", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Compact(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("#,0.#", CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Styles = """
        :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--card:#fff}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        .top{display:flex;justify-content:space-between;align-items:center;padding:14px 32px;background:#0f172a;color:#e2e8f0}
        .brand{font-weight:700;font-size:16px;letter-spacing:.2px}.brand span{font-weight:400;color:#94a3b8;margin-left:6px}
        .generated{color:#94a3b8;font-size:12px}
        main{max-width:1080px;margin:0 auto;padding:24px 24px 40px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin-bottom:18px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
        h1{margin:0;font-size:22px}h2{margin:0 0 10px;font-size:17px}h3{margin:16px 0 4px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.6px}
        h2 .sub{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}
        .title-row{display:flex;justify-content:space-between;align-items:flex-start;gap:16px}
        .run-id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);font-size:12.5px;margin-top:2px}
        .badges{display:flex;gap:8px}.badge{padding:4px 10px;border-radius:999px;font-weight:600;font-size:12.5px;border:1px solid transparent}
        .outcome-good{background:#dcfce7;color:#166534}.outcome-partial{background:#fef3c7;color:#92400e}.outcome-bad{background:#fee2e2;color:#991b1b}.outcome-running{background:#dbeafe;color:#1e40af}
        .neutral{background:#f8fafc;color:#334155;border-color:var(--line)}
        .reason{margin:10px 0 0;color:#92400e}
        .facts{display:flex;flex-wrap:wrap;gap:8px 32px;margin:16px 0 4px}.facts dt{font-size:11.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.5px}.facts dd{margin:0;font-weight:600}
        .kpis{display:grid;grid-template-columns:repeat(8,1fr);gap:10px;margin-top:16px}.kpis.small{grid-template-columns:repeat(4,1fr);margin:4px 0 8px}
        .kpi{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#f8fafc}
        .kpi-label{font-size:11.5px;color:var(--muted)}.kpi-value{font-size:19px;font-weight:700;font-variant-numeric:tabular-nums}
        .kpi.ok .kpi-value{color:#15803d}.kpi.bad .kpi-value{color:#b91c1c}.kpi.warn .kpi-value{color:#b45309}
        .tags{margin-top:14px;display:flex;flex-wrap:wrap;gap:6px}.tag{background:#eef2ff;color:#3730a3;border-radius:6px;padding:3px 8px;font-size:12.5px}.tag b{font-weight:600;margin-right:2px}
        .note{color:var(--muted);margin:0 0 6px;font-size:13px}
        .legend{display:inline-flex;gap:16px;font-size:12.5px;color:#334155;margin:2px 0}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
        .legend-quota{font-size:12.5px;color:#b91c1c;margin-left:16px}.legend-quota.none{color:var(--muted)}
        svg.chart{width:100%;height:auto;display:block;margin-top:4px}
        .grid{stroke:#eef2f7;stroke-width:1}.axis-line{stroke:#94a3b8;stroke-width:1}
        .axis{fill:#64748b;font-size:11px;font-variant-numeric:tabular-nums}
        .quota{stroke:#dc2626;stroke-width:1.5;stroke-dasharray:6 4}.quota-label{fill:#b91c1c;font-size:11.5px;font-weight:600}
        .bar-label{fill:#334155;font-size:12.5px}.bar-value{fill:#0f172a;font-size:12.5px;font-weight:600}
        table.data{width:100%;border-collapse:collapse;margin-top:10px;font-size:13px}
        table.data th{text-align:left;font-weight:600;color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.4px;border-bottom:1px solid var(--line);padding:6px 8px}
        table.data td{border-bottom:1px solid #f1f5f9;padding:6px 8px;vertical-align:top}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
        td.output code,td.message{word-break:break-all;color:#334155}
        .sample td:first-child code{white-space:nowrap}
        td.output code{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
        .status{display:inline-block;padding:1px 7px;border-radius:4px;font-size:12px;font-weight:600}
        .status-succeeded{background:#dcfce7;color:#166534}.status-failed{background:#fee2e2;color:#991b1b}.status-skipped{background:#f1f5f9;color:#475569}.ledger{background:#e0f2fe;color:#075985}
        .empty{color:var(--muted)}
        footer{color:var(--muted);font-size:12px;text-align:center;margin-top:8px}
        """;
}
