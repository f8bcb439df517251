using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Telemetry;

/// <summary>
/// The <c>FunctionsBatch</c> ActivitySource and Meter. Traces: staging, each chunk, each model call. Metrics, tagged
/// with job, model and tenant only (never record contents or ids): records processed and failed, tokens in and
/// out, 429s, retries, cost in micro-dollars and chunk latency.
/// </summary>
public static class FunctionsBatchTelemetry
{
    public const string Name = "FunctionsBatch";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> RecordsProcessed = Meter.CreateCounter<long>("functionsbatch.records.processed", "{record}", "Records that reached a final status in a chunk (succeeded or failed).");
    private static readonly Counter<long> RecordsFailed = Meter.CreateCounter<long>("functionsbatch.records.failed", "{record}", "Records that failed for good.");
    private static readonly Counter<long> InputTokens = Meter.CreateCounter<long>("functionsbatch.tokens.input", "{token}", "Prompt tokens billed.");
    private static readonly Counter<long> OutputTokens = Meter.CreateCounter<long>("functionsbatch.tokens.output", "{token}", "Completion tokens billed.");
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("functionsbatch.throttled", "{response}", "Model calls answered 429.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("functionsbatch.retries", "{attempt}", "Model call attempts beyond the first.");
    private static readonly Counter<long> Cost = Meter.CreateCounter<long>("functionsbatch.cost", "u$", "Cost in micro-dollars at list prices.");
    private static readonly Histogram<double> ChunkDuration = Meter.CreateHistogram<double>("functionsbatch.chunk.duration", "ms", "Wall time of one chunk execution.");

    /// <summary>Records what one chunk execution did; rows reused from an earlier execution are not counted again.</summary>
    public static void RecordChunk(JobSpec spec, ChunkSummary summary, int reused, int retries)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(summary);
        var tags = Tags(spec);
        var counters = summary.Counters;
        RecordsProcessed.Add(counters.Processed - reused, tags);
        RecordsFailed.Add(counters.Failed, tags);
        InputTokens.Add(counters.Usage.PromptTokens, tags);
        OutputTokens.Add(counters.Usage.CompletionTokens, tags);
        Throttled.Add(counters.Throttled, tags);
        Retries.Add(retries, tags);
        Cost.Add(counters.CostMicros, tags);
        ChunkDuration.Record(summary.DurationMs, tags);
    }

    /// <summary>Starts a span (null when nobody listens) carrying the job's dimensions.</summary>
    public static Activity? Start(string name, JobSpec spec, string runId, int? chunkIndex = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is not null)
        {
            foreach (var tag in Tags(spec))
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag("functionsbatch.run.id", runId);
            if (chunkIndex is { } index)
            {
                activity.SetTag("functionsbatch.chunk.index", index);
            }
        }

        return activity;
    }

    /// <summary>The logging scope of work on a run (and chunk): every log line inside carries them.</summary>
    public static Dictionary<string, object> Scope(string runId, int? chunkIndex = null)
    {
        var scope = new Dictionary<string, object>(StringComparer.Ordinal) { ["RunId"] = runId };
        if (chunkIndex is { } index)
        {
            scope["ChunkIndex"] = index;
        }

        return scope;
    }

    private static TagList Tags(JobSpec spec) => new()
    {
        { "functionsbatch.job", spec.Name },
        { "functionsbatch.model", spec.Model },
        { "functionsbatch.tenant", spec.Tenant },
    };
}
