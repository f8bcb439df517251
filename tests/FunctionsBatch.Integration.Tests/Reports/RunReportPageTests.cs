using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FunctionsBatch.Integration.Tests.Reports;

/// <summary>
/// A real run with content-filtered and schema-breaking records and injected 429s, then its report page opened in
/// headless Chromium: the charts must show the run's own numbers, a hostile record id must stay text, the page must
/// fetch nothing, and a screenshot is kept under TestResults.
/// </summary>
public sealed class RunReportPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Model = "gpt-4o-mini";
    private const int TokensPerMinuteQuota = 150_000;
    private const int Count = 240;
    private const string HostileId = "<b id=\"pwn\">bold<img src=x onerror=\"window.__pwned=1\">";

    /// <summary>Collects what the page shows, from the DOM and the SVG marks' data attributes and rendered sizes.</summary>
    private const string ReadPage = """
        (() => {
          const field = f => document.querySelector(`[data-field="${f}"]`);
          const num = f => Number(field(f).dataset.value);
          const sum = (sel, attr) => [...document.querySelectorAll(sel)].reduce((t, e) => t + Number(e.dataset[attr]), 0);
          const sized = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          const marks = [...document.querySelectorAll('svg.chart rect.bar, svg.chart circle.point')].filter(e => Number(e.dataset.value) > 0);
          return JSON.stringify({
            job: field('job').textContent, outcome: field('outcome').textContent, runtimeStatus: field('runtimeStatus').textContent,
            total: num('total'), succeeded: num('succeeded'), failed: num('failed'), throttled: num('throttled'), costMicros: num('costUsd'),
            tenantTag: document.querySelector('[data-tag="tenant"]')?.textContent ?? null,
            succeededBars: sum('#chart-records rect[data-series="succeeded"]', 'count'),
            failedBars: sum('#chart-records rect[data-series="failed"]', 'count'),
            tokenPoints: sum('#chart-tokens circle.point', 'count'),
            throttleBars: sum('#chart-throttling rect[data-series="429s"]', 'count'),
            quota: Number(document.querySelector('#chart-tokens line.quota')?.dataset.value ?? -1),
            yTicks: [...document.querySelectorAll('#chart-tokens text.y-tick')].map(t => t.textContent),
            failures: Object.fromEntries([...document.querySelectorAll('#failure-table tr[data-code]')].map(r => [r.dataset.code, Number(r.querySelector('td.num').dataset.value)])),
            failureBars: document.querySelectorAll('#chart-failures rect.bar').length,
            runCost: Number(document.querySelector('#cost-table tr[data-row="run"] td[data-field="cost"]')?.dataset.value ?? -1),
            charts: [...document.querySelectorAll('svg.chart')].map(s => ({ id: s.id, sized: sized(s) })),
            marks: marks.length, marksSized: marks.filter(sized).length,
            sampleRows: document.querySelectorAll('#sample-table tr[data-record]').length,
            hostileShownAsText: [...document.querySelectorAll('#sample-table code')].some(c => c.textContent === '<b id="pwn">bold<img src=x onerror="window.__pwned=1">'),
            injected: document.getElementById('pwn') !== null || document.querySelector('img') !== null,
            scriptRan: window.__pwned !== undefined,
            scripts: document.scripts.length,
            resources: performance.getEntriesByType('resource').length,
          });
        })()
        """;

    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(
        nameof(RunReportPageTests),
        new Dictionary<string, string> { [$"AzureOpenAI__Deployments__{Model}__TokensPerMinute"] = TokensPerMinuteQuota.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new Dictionary<string, string>
        {
            ["Simulator__LatencyMs"] = "60",
            ["Simulator__Faults__ThrottleRate"] = "0.06",
        });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Report_AfterARunWithFailuresAnd429s_ShowsTheRunsNumbersKeepsRecordContentInertAndIsCaptured()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: Count).Select(r => r.DeepClone().AsObject()).ToArray();
        for (var i = 0; i < Count; i++)
        {
            var marker = i % 20 == 3 ? " [[BLOCK]]" : i % 30 == 7 ? " [[BADJSON]]" : string.Empty;
            records[i]["body"] = records[i]["body"]!.GetValue<string>() + marker;
        }

        records[1]["id"] = HostileId;
        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = JobSpecs.Classify(chunkSize: 20, maxParallelChunks: 3, concurrency: 6),
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
        });
        var final = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(8));
        var progress = final.GetProperty("progress");
        var rows = await ResultRows.ReadAsync(_stack, runId);
        var cost = await ResultRows.CostAsync(_stack, runId);
        var expectedFailures = rows.Where(r => r.Status == RecordStatus.Failed).GroupBy(r => r.ErrorCode!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Count, rows.Count);
        Assert.True(progress.GetProperty("failed").GetInt32() > 0, "the run should have failed records");
        Assert.True(progress.GetProperty("throttled").GetInt32() > 0, "the simulator should have answered some calls with 429");

        var url = new Uri($"{_stack.HostUrl}/api/runs/{Uri.EscapeDataString(runId)}/report?code={LocalStack.FunctionKey}");
        using (var response = await _stack.Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        await using var browser = await HeadlessChromium.StartAsync(_stack.WorkDirectory, 1280, 900);
        await browser.OpenAsync(url);
        using var page = JsonDocument.Parse((await browser.EvaluateAsync(ReadPage)).GetString()!);
        var shown = page.RootElement;
        output.WriteLine($"page: {shown}");

        Assert.Equal("classify-tickets", shown.GetProperty("job").GetString());
        Assert.Equal(final.GetProperty("outcome").GetString(), shown.GetProperty("outcome").GetString());
        Assert.Equal("Completed", shown.GetProperty("runtimeStatus").GetString());
        Assert.Equal(Count, shown.GetProperty("total").GetInt32());
        Assert.Equal(progress.GetProperty("succeeded").GetInt32(), shown.GetProperty("succeeded").GetInt32());
        Assert.Equal(progress.GetProperty("failed").GetInt32(), shown.GetProperty("failed").GetInt32());
        Assert.Equal(progress.GetProperty("throttled").GetInt32(), shown.GetProperty("throttled").GetInt32());
        Assert.Equal(cost.CostMicros, shown.GetProperty("costMicros").GetInt64());
        Assert.Equal(cost.CostMicros, shown.GetProperty("runCost").GetInt64());
        Assert.Equal("tenant contoso", shown.GetProperty("tenantTag").GetString());

        Assert.Equal(progress.GetProperty("succeeded").GetInt32(), shown.GetProperty("succeededBars").GetInt32());
        Assert.Equal(progress.GetProperty("failed").GetInt32(), shown.GetProperty("failedBars").GetInt32());
        Assert.Equal(rows.Sum(r => r.PromptTokens + r.CompletionTokens), shown.GetProperty("tokenPoints").GetInt64());
        Assert.Equal(rows.Sum(r => r.Throttled), shown.GetProperty("throttleBars").GetInt32());
        Assert.Equal(progress.GetProperty("throttled").GetInt32(), shown.GetProperty("throttleBars").GetInt32());
        Assert.Equal(TokensPerMinuteQuota, shown.GetProperty("quota").GetInt32());
        Assert.NotEmpty(shown.GetProperty("yTicks").EnumerateArray());

        var failures = shown.GetProperty("failures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(expectedFailures.OrderBy(f => f.Key), failures.OrderBy(f => f.Key));
        Assert.Contains("content_filter", failures.Keys);
        Assert.Contains("invalid_output", failures.Keys);
        Assert.Equal(failures.Count, shown.GetProperty("failureBars").GetInt32());

        Assert.All(shown.GetProperty("charts").EnumerateArray(), c => Assert.True(c.GetProperty("sized").GetBoolean(), $"chart {c.GetProperty("id")} has no size"));
        Assert.Equal(5, shown.GetProperty("charts").GetArrayLength());
        Assert.True(shown.GetProperty("marks").GetInt32() > 0);
        Assert.Equal(shown.GetProperty("marks").GetInt32(), shown.GetProperty("marksSized").GetInt32());
        Assert.Equal(20, shown.GetProperty("sampleRows").GetInt32());

        Assert.True(shown.GetProperty("hostileShownAsText").GetBoolean(), "the hostile record id should be shown as text");
        Assert.False(shown.GetProperty("injected").GetBoolean(), "markup from a record id reached the DOM");
        Assert.False(shown.GetProperty("scriptRan").GetBoolean(), "script from a record ran");
        Assert.Equal(0, shown.GetProperty("scripts").GetInt32());
        Assert.Equal(0, shown.GetProperty("resources").GetInt32());

        var screenshot = Path.Combine(RepoPaths.Root, "TestResults", "run-report.png");
        var png = await browser.CaptureFullPageAsync(screenshot);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        output.WriteLine($"browser part took {clock.Elapsed.TotalSeconds:0.0} s; screenshot {png.Length} bytes at {screenshot}");
    }
}
