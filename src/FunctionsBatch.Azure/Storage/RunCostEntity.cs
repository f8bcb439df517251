using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// A <c>RunCosts</c> row: PartitionKey = run id, RowKey = <see cref="RunRowKey"/> for the run's total, or
/// <c>{model}|{mode}</c> for one model × mode part of it (the parts add up to the total). Money is micro-dollars
/// in a <see cref="long"/> (Azurite reads typed decimals back as 0).
/// </summary>
public sealed class RunCostEntity : ITableEntity
{
    public const string RunRowKey = RunCostRow.RunRowKey;
    public const string OnlineMode = RunModes.Online;

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = RunRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Job { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public string PromptVersion { get; set; } = string.Empty;

    public string Tenant { get; set; } = string.Empty;

    public string Feature { get; set; } = string.Empty;

    public string Tags { get; set; } = "{}";

    public string Outcome { get; set; } = string.Empty;

    public DateTime StartedUtc { get; set; }

    public DateTime CompletedUtc { get; set; }

    public int TotalRecords { get; set; }

    public int Succeeded { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    public int Requests { get; set; }

    public int Throttled { get; set; }

    public long InputTokens { get; set; }

    public long CachedInputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CostMicros { get; set; }

    /// <summary>Records answered from the ledger: work an earlier run already paid for.</summary>
    public int LedgerHits { get; set; }

    /// <summary>How the model was called: <c>online</c> (chat completions), <c>batch</c> (Batch API), or <c>mixed</c> on a run total using both.</summary>
    public string Mode { get; set; } = OnlineMode;

    public int Repairs { get; set; }

    public string? RetryOf { get; set; }

    /// <summary>The tokens at list price with no batch or cache discount; <see cref="CostMicros"/> is what is billed.</summary>
    public long ListCostMicros { get; set; }

    /// <summary>Tokens billed for answers thrown away: re-asked invalid answers, failed records' answers, invalid batch lines.</summary>
    public long WasteTokens { get; set; }

    /// <summary>What <see cref="WasteTokens"/> was spent on, largest first (see <see cref="TokenWaste.Describe"/>).</summary>
    public string WasteCauses { get; set; } = string.Empty;

    public long WasteReasked { get; set; }

    public long WasteFailedRecords { get; set; }

    public long WasteUnreadable { get; set; }

    public long WasteLostInTransit { get; set; }

    public long WasteRedone { get; set; }

    public long WasteInvalidBatchLines { get; set; }

    /// <summary>Online calls sent again after a transient failure.</summary>
    public int Retries { get; set; }

    /// <summary>Records whose answer was cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>).</summary>
    public int Truncated { get; set; }

    /// <summary>Records whose server answered without <c>usage</c>: their tokens (and cost) are the tokenizer's estimate.</summary>
    public int EstimatedUsage { get; set; }

    public int FailedLines { get; set; }

    public int ExpiredLines { get; set; }

    public int ResubmittedLines { get; set; }

    /// <summary>The counters this row holds; the one mapping between <see cref="RunCounters"/> and the columns.</summary>
    [IgnoreDataMember]
    public RunCounters Counters
    {
        get => new()
        {
            Records = TotalRecords - Skipped,
            Succeeded = Succeeded,
            Failed = Failed,
            LedgerHits = LedgerHits,
            Requests = Requests,
            Retries = Retries,
            Throttled = Throttled,
            Repairs = Repairs,
            Truncated = Truncated,
            EstimatedUsage = EstimatedUsage,
            Usage = new TokenUsage(InputTokens, CachedInputTokens, OutputTokens),
            Waste = new TokenWaste(WasteReasked, WasteFailedRecords, WasteUnreadable, WasteLostInTransit, WasteRedone, WasteInvalidBatchLines),
            FailedLines = FailedLines,
            ExpiredLines = ExpiredLines,
            ResubmittedLines = ResubmittedLines,
            CostMicros = CostMicros,
            ListCostMicros = ListCostMicros,
        };
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Succeeded = value.Succeeded;
            Failed = value.Failed;
            LedgerHits = value.LedgerHits;
            Requests = value.Requests;
            Retries = value.Retries;
            Throttled = value.Throttled;
            Repairs = value.Repairs;
            Truncated = value.Truncated;
            EstimatedUsage = value.EstimatedUsage;
            InputTokens = value.Usage.PromptTokens;
            CachedInputTokens = value.Usage.CachedTokens;
            OutputTokens = value.Usage.CompletionTokens;
            var waste = value.Waste;
            (WasteReasked, WasteFailedRecords, WasteUnreadable, WasteLostInTransit, WasteRedone, WasteInvalidBatchLines) =
                (waste.Reasked, waste.FailedRecords, waste.Unreadable, waste.LostInTransit, waste.Redone, waste.InvalidBatchLines);
            WasteTokens = waste.Total;
            WasteCauses = Fit(waste.Describe());
            FailedLines = value.FailedLines;
            ExpiredLines = value.ExpiredLines;
            ResubmittedLines = value.ResubmittedLines;
            CostMicros = value.CostMicros;
            ListCostMicros = value.ListCostMicros;
        }
    }

    /// <summary>The run's total row.</summary>
    public static RunCostEntity From(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Row(run, RunRowKey, run.Counters.Mode, run.All, run.TotalRecords, run.Skipped);
    }

    /// <summary>The row of one model × mode part of a run.</summary>
    public static RunCostEntity Part(RunSummary run, string mode, RunCounters part)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(part);
        return Row(run, RunCostRow.ModeRowKey(run.Model, mode), mode, part, part.Records, 0);
    }

    /// <summary>The run's rows: its total, then one per mode it used.</summary>
    public static IReadOnlyList<RunCostEntity> RowsOf(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<RunCostEntity> { From(run) };
        if (!run.Counters.Online.IsEmpty)
        {
            rows.Add(Part(run, RunModes.Online, run.Counters.Online));
        }

        if (!run.Counters.Batch.IsEmpty)
        {
            rows.Add(Part(run, RunModes.Batch, run.Counters.Batch));
        }

        return rows;
    }

    private static RunCostEntity Row(RunSummary run, string rowKey, string mode, RunCounters counters, int totalRecords, int skipped) => new()
    {
        PartitionKey = run.RunId,
        RowKey = rowKey,
        Job = run.Job,
        Model = Fit(run.Model),
        PromptVersion = Fit(run.PromptVersion),
        Tenant = Fit(run.Tags.GetValueOrDefault("tenant", string.Empty)),
        Feature = Fit(run.Tags.GetValueOrDefault("feature", string.Empty)),
        Tags = TagsColumn(run.Tags),
        Outcome = run.Outcome.ToString(),
        StartedUtc = DateTime.SpecifyKind(run.StartedUtc, DateTimeKind.Utc),
        CompletedUtc = DateTime.SpecifyKind(run.CompletedUtc, DateTimeKind.Utc),
        RetryOf = run.RetryOf,
        Mode = mode,
        TotalRecords = totalRecords,
        Skipped = skipped,
        Counters = counters,
    };

    /// <summary>
    /// The spec's limits keep every column far inside Table Storage's; this is the last guard, for a row written after
    /// the model was paid: a value too long is cut rather than the row refused.
    /// </summary>
    private static string Fit(string value) =>
        value.Length <= RecordResultEntity.MaxTextLength ? value : value[..RecordResultEntity.MaxTextLength];

    private static string TagsColumn(IReadOnlyDictionary<string, string> tags)
    {
        var json = JsonSerializer.Serialize(tags, TagsJson);
        return json.Length <= RecordResultEntity.MaxTextLength
            ? json
            : JsonSerializer.Serialize(tags.Where(t => t.Key is "tenant" or "feature").Select(t => KeyValuePair.Create(t.Key, t.Value.Length <= JobSpecDefaults.MaxTagValueLength ? t.Value : t.Value[..JobSpecDefaults.MaxTagValueLength]))
                .Append(KeyValuePair.Create("truncated", "true")).ToDictionary(), TagsJson);
    }

    private static readonly JsonSerializerOptions TagsJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public RunCostRow ToRow() => new(
        PartitionKey, RowKey, Job, Model, PromptVersion, Tenant, Feature, Outcome, Mode, StartedUtc, CompletedUtc, TotalRecords, Skipped, Counters, WasteCauses, WasteTokens);
}
