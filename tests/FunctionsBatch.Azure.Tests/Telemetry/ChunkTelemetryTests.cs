using System.Diagnostics;
using System.Text.Json;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Processing;
using FunctionsBatch.Orchestration.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FunctionsBatch.Azure.Tests.Telemetry;

/// <summary>
/// A six-record chunk through the real chunk processor, the real retrying Azure OpenAI client and the simulator on a
/// port (one record blocked by the content filter, one throttled once), with the OpenTelemetry SDK exporting to
/// memory: the counts, tags and scopes that reach an exporter.
/// </summary>
public sealed class ChunkTelemetryTests
{
    private const string Secret = "SECRET-TICKET-TEXT";

    [Fact]
    public async Task ProcessAsync_SmallChunk_EmitsMetricsAndSpansWithRunCountsAndJobTags()
    {
        var job = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(FunctionsBatchTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(FunctionsBatchTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await using var simulator = await SimulatorServer.StartAsync();

        var (summary, _) = await ProcessChunkAsync(simulator, job, LoggerFactory.Create(_ => { }));
        metering.ForceFlush();
        tracing.ForceFlush();

        Assert.Equal((6, 5, 1, 1), (summary.Counters.Records, summary.Counters.Succeeded, summary.Counters.Failed, summary.Counters.Throttled));
        Assert.Equal(6, Sum(metrics, "functionsbatch.records.processed", job));
        Assert.Equal(1, Sum(metrics, "functionsbatch.records.failed", job));
        Assert.Equal(summary.Counters.Usage.PromptTokens, Sum(metrics, "functionsbatch.tokens.input", job));
        Assert.Equal(summary.Counters.Usage.CompletionTokens, Sum(metrics, "functionsbatch.tokens.output", job));
        Assert.Equal(1, Sum(metrics, "functionsbatch.throttled", job));
        Assert.Equal(1, Sum(metrics, "functionsbatch.retries", job));
        Assert.Equal(summary.Counters.CostMicros, Sum(metrics, "functionsbatch.cost", job));
        Assert.True(summary.Counters.CostMicros > 0);
        Assert.Equal(1, HistogramCount(metrics, "functionsbatch.chunk.duration", job));

        var chunkSpan = Assert.Single(spans, s => s.DisplayName == "ProcessChunk" && Equals(s.GetTagItem("functionsbatch.job"), job));
        Assert.Equal("run-telemetry", chunkSpan.GetTagItem("functionsbatch.run.id"));
        Assert.Equal(3, chunkSpan.GetTagItem("functionsbatch.chunk.index"));
        Assert.Equal(("gpt-4o-mini", "contoso"), (chunkSpan.GetTagItem("functionsbatch.model"), chunkSpan.GetTagItem("functionsbatch.tenant")));
        var calls = spans.Where(s => s.ParentSpanId == chunkSpan.SpanId).ToArray();
        Assert.Equal(6, calls.Length);
        Assert.All(calls, c => Assert.Equal("chat gpt-4o-mini", c.DisplayName));
        Assert.Equal(1, calls.Count(c => c.Status == ActivityStatusCode.Error));
        Assert.Equal(summary.Counters.Usage.PromptTokens, calls.Sum(c => Convert.ToInt64(c.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(Secret, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(metrics.SelectMany(Points).SelectMany(TagsOf), t => t.Value?.ToString()?.Contains(Secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ProcessAsync_LogsInsideTheChunk_CarryRunIdAndChunkIndexScope()
    {
        var logs = new List<LogRecord>();
        using var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
        {
            options.IncludeScopes = true;
            options.AddInMemoryExporter(logs);
        }));
        await using var simulator = await SimulatorServer.StartAsync();

        await ProcessChunkAsync(simulator, "telemetry-logs", factory);

        var chunkLog = Assert.Single(logs, l => l.CategoryName == typeof(ChunkProcessor).FullName);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        chunkLog.ForEachScope((item, state) =>
        {
            foreach (var pair in item)
            {
                state[pair.Key] = pair.Value;
            }
        }, scope);
        Assert.Equal("run-telemetry", scope["RunId"]);
        Assert.Equal(3, scope["ChunkIndex"]);
        Assert.DoesNotContain(Secret, chunkLog.FormattedMessage ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<(ChunkSummary Summary, InMemoryRunStore Store)> ProcessChunkAsync(SimulatorServer simulator, string job, ILoggerFactory loggers)
    {
        var spec = JobSpecParser.Parse($$"""
            {
              "name": "{{job}}", "model": "gpt-4o-mini", "promptVersion": "t-1",
              "prompt": { "system": "Classify the ticket.", "user": "{{"{{"}}body{{"}}"}}" },
              "maxOutputTokens": 50, "maxConcurrentRequestsPerChunk": 3,
              "tags": { "tenant": "contoso", "feature": "telemetry-test" }
            }
            """);
        var bodies = new[] { "[[BLOCK]] " + Secret, "[[THROTTLE-ONCE]] printer jams", "cannot log in", "refund please", "app crashes on start", "dark mode?" };
        var records = bodies.Select((body, i) => JsonSerializer.SerializeToElement(new { id = $"T-{i}", body })).ToArray();
        var store = new InMemoryRunStore(spec, records);
        var model = new TracingChatModelClient(ModelClients.Retrying(ModelClients.Settings(simulator.BaseAddress)));
        var processor = new ChunkProcessor(store, model, store, store, store, PriceTable.Default, new ModelLimits(new Dictionary<string, int>()), loggers.CreateLogger<ChunkProcessor>());
        var summary = await processor.ProcessAsync(new ChunkRef("run-telemetry", 3), CancellationToken.None);
        return (summary, store);
    }

    private static IEnumerable<MetricPoint> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            yield return point;
        }
    }

    private static List<KeyValuePair<string, object?>> TagsOf(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static IEnumerable<MetricPoint> PointsOf(List<Metric> metrics, string name, string job) =>
        metrics.Where(m => m.Name == name).SelectMany(Points).Where(p => TagsOf(p).Any(t => t.Key == "functionsbatch.job" && Equals(t.Value, job)));

    private static long Sum(List<Metric> metrics, string name, string job) => PointsOf(metrics, name, job).Sum(p => p.GetSumLong());

    private static long HistogramCount(List<Metric> metrics, string name, string job) => PointsOf(metrics, name, job).Sum(p => p.GetHistogramCount());
}
