using System.Text.RegularExpressions;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Reports;
using FunctionsBatch.Orchestration.Tests.Support;

namespace FunctionsBatch.Orchestration.Tests.Reports;

public sealed partial class RunReportHtmlTests
{
    private const string Hostile = "</code></td><script>alert(1)</script><img src=x onerror=\"alert(2)\">";

    [Fact]
    public void Render_HostileTextInEveryDataField_IsEncodedNeverMarkup()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(30), succeeded: 1, failed: 1, job: "job" + Hostile, runId: "run" + Hostile,
            tags: new Dictionary<string, string> { ["tenant" + Hostile] = "t" + Hostile });
        var report = RunReportBuilder.Build(
            status,
            ReportJob.From(status.Output!),
            [ReportData.Row(1), ReportData.Row(2, RecordStatus.Failed, errorCode: "code" + Hostile, message: "message" + Hostile)],
            false,
            [ReportData.Cost("row" + Hostile) with { Model = "model" + Hostile, Mode = "mode" + Hostile, Tenant = "tenant" + Hostile }],
            [
                ReportData.Result("id" + Hostile, output: "{\"summary\":\"" + Hostile + "\"}"),
                ReportData.Result("id2", RecordStatus.Failed, output: null, errorCode: "code" + Hostile, message: "message" + Hostile),
            ],
            0,
            new DateTimeOffset(ReportData.Started.AddHours(1)));

        var html = RunReportHtml.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(AttributeThatLoadsOrRuns(), html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("id&lt;/code&gt;&lt;/td&gt;", html, StringComparison.Ordinal);
        Assert.Contains("onerror=&quot;alert(2)&quot;", html, StringComparison.Ordinal);
        Assert.Equal(Tags(html, "code"), Tags(html, "/code"));
        Assert.Equal(Tags(html, "td"), Tags(html, "/td"));
    }

    [Fact]
    public void Render_Page_IsSelfContainedUnderAStrictContentSecurityPolicy()
    {
        var html = RunReportHtml.Render(Sample(quota: 0));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"http-equiv=\"Content-Security-Policy\" content=\"{RunReportHtml.ContentSecurityPolicy.Replace("'", "&#39;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(AttributeThatLoadsOrRuns(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_Charts_CarryTheRealCountsRatesAndQuota()
    {
        var html = RunReportHtml.Render(Sample(quota: 150_000));

        // Bucket 0 (5 s) holds two succeeded rows: 24 records/min; bucket 1 one failed row.
        Assert.Contains("data-series=\"succeeded\" data-index=\"0\" data-value=\"24\" data-count=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-series=\"failed\" data-index=\"1\" data-value=\"12\" data-count=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-series=\"tokens\" data-index=\"0\" data-value=\"2880\" data-count=\"240\"", html, StringComparison.Ordinal);
        Assert.Contains("<line class=\"quota\" data-value=\"150000\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"succeeded\" data-value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"failed\" data-value=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-code=\"content_filter\"><td><code>content_filter</code></td><td class=\"num\" data-value=\"1\">", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"cost\" data-value=\"12345\">$0.0123<", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<svg id=\"chart-", RegexOptions.CultureInvariant));
    }

    [Fact]
    public void Render_NoQuotaConfigured_SaysSoAndDrawsNoQuotaLine()
    {
        var html = RunReportHtml.Render(Sample(quota: 0));

        Assert.DoesNotContain("class=\"quota\"", html, StringComparison.Ordinal);
        Assert.Contains("no TPM quota configured", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithoutCostRowOrFailures_SaysSoInsteadOfEmptyCharts()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(10), succeeded: 1, failed: 0);
        var report = RunReportBuilder.Build(status, ReportJob.From(status.Output!), [ReportData.Row(1)], false, [], [], 0, new DateTimeOffset(ReportData.Started.AddHours(1)));

        var html = RunReportHtml.Render(report);

        Assert.Contains("data-field=\"costs\">No cost row yet", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"failures\">No record failed.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-cost", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-failures", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongOutput_IsShortenedInTheSample()
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(10), succeeded: 1, failed: 0);
        var output = new string('x', 5_000);
        var report = RunReportBuilder.Build(status, ReportJob.From(status.Output!), [], false, [], [ReportData.Result("r1", output: output)], 0, new DateTimeOffset(ReportData.Started.AddHours(1)));

        var html = RunReportHtml.Render(report);

        Assert.Contains(new string('x', RunReportHtml.SampleOutputLength - 1) + "…", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', RunReportHtml.SampleOutputLength), html, StringComparison.Ordinal);
    }

    private static RunReport Sample(int quota)
    {
        var status = ReportData.Finished(TimeSpan.FromSeconds(12), succeeded: 2, failed: 1);
        return RunReportBuilder.Build(
            status,
            ReportJob.From(status.Output!),
            [ReportData.Row(1), ReportData.Row(2), ReportData.Row(6, RecordStatus.Failed, prompt: 0, completion: 0, errorCode: "content_filter", message: "filtered")],
            false,
            [ReportData.Cost()],
            [ReportData.Result("r1")],
            quota,
            new DateTimeOffset(ReportData.Started.AddHours(1)));
    }

    private static int Tags(string html, string name) => Regex.Count(html, $"<{Regex.Escape(name)}[ >]", RegexOptions.CultureInvariant);

    /// <summary>A real tag (a raw '&lt;') with an attribute, outside any quoted value, that loads something or runs script.</summary>
    [GeneratedRegex(@"<[a-zA-Z]+(?:\s+[\w:-]+(?:=""[^""]*"")?)*\s+(?:src|href|on[a-z]+)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeThatLoadsOrRuns();
}
