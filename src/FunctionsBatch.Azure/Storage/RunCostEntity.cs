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

    /// <summary>Online calls sent again after a transient failure.</summary>
    public int Retries { get; set; }

    public int FailedLines { get; set; }

    public int ExpiredLines { get; set; }

    public int ResubmittedLines { get; set; }

    public static RunCostEntity From(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new RunCostEntity
        {
            PartitionKey = run.RunId,
            Job = run.Job,
            Model = Fit(run.Model),
            PromptVersion = Fit(run.PromptVersion),
            Tenant = Fit(run.Tags.GetValueOrDefault("tenant", string.Empty)),
            Feature = Fit(run.Tags.GetValueOrDefault("feature", string.Empty)),
            Tags = TagsColumn(run.Tags),
            Outcome = run.Outcome.ToString(),
            StartedUtc = DateTime.SpecifyKind(run.StartedUtc, DateTimeKind.Utc),
            CompletedUtc = DateTime.SpecifyKind(run.CompletedUtc, DateTimeKind.Utc),
            TotalRecords = run.TotalRecords,
            Succeeded = run.Succeeded,
            Failed = run.Failed,
            Skipped = run.Skipped,
            Requests = run.Requests,
            Throttled = run.Throttled,
            InputTokens = run.Usage.PromptTokens,
            CachedInputTokens = run.Usage.CachedTokens,
            OutputTokens = run.Usage.CompletionTokens,
            CostMicros = run.CostMicros,
            LedgerHits = run.LedgerHits,
            Repairs = run.Repairs,
            RetryOf = run.RetryOf,
            Mode = ModeOf(run),
            ListCostMicros = run.ListCostMicros,
            Retries = (run.Online?.Retries ?? 0) + (run.Batch?.Retries ?? 0),
            FailedLines = run.Batch?.FailedLines ?? 0,
            ExpiredLines = run.Batch?.ExpiredLines ?? 0,
            ResubmittedLines = run.Batch?.ResubmittedLines ?? 0,
        };
        entity.SetWaste(run.Online?.Waste + run.Batch?.Waste);
        return entity;
    }

    /// <summary>The row of one model × mode part of a run.</summary>
    public static RunCostEntity Part(RunSummary run, string mode, ModeTotals part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var entity = From(run);
        entity.RowKey = RunCostRow.ModeRowKey(run.Model, mode);
        entity.Mode = mode;
        entity.TotalRecords = part.Records;
        entity.Succeeded = part.Succeeded;
        entity.Failed = part.Failed;
        entity.Skipped = 0;
        entity.Requests = part.Requests;
        entity.Throttled = 0;
        entity.InputTokens = part.Usage.PromptTokens;
        entity.CachedInputTokens = part.Usage.CachedTokens;
        entity.OutputTokens = part.Usage.CompletionTokens;
        entity.CostMicros = part.CostMicros;
        entity.ListCostMicros = part.ListCostMicros;
        entity.LedgerHits = part.LedgerHits;
        entity.Repairs = part.Repairs;
        entity.SetWaste(part.Waste);
        entity.Retries = part.Retries;
        entity.FailedLines = part.FailedLines;
        entity.ExpiredLines = part.ExpiredLines;
        entity.ResubmittedLines = part.ResubmittedLines;
        return entity;
    }

    /// <summary>The run's rows: its total, then one per mode it used.</summary>
    public static IReadOnlyList<RunCostEntity> RowsOf(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<RunCostEntity> { From(run) };
        if (run.Online is { IsEmpty: false } online)
        {
            rows.Add(Part(run, RunModes.Online, online));
        }

        if (run.Batch is { IsEmpty: false } batch)
        {
            rows.Add(Part(run, RunModes.Batch, batch));
        }

        return rows;
    }

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

    private void SetWaste(TokenWaste? waste)
    {
        WasteTokens = waste?.Total ?? 0;
        WasteCauses = Fit(waste?.Describe() ?? string.Empty);
    }

    private static string ModeOf(RunSummary run) => (run.Online is { IsEmpty: false }, run.Batch is { IsEmpty: false }) switch
    {
        (true, true) => RunCostRow.MixedMode,
        (false, true) => RunModes.Batch,
        _ => RunModes.Online,
    };

    public RunCostRow ToRow() => new(
        PartitionKey, Job, Model, PromptVersion, Tenant, Feature, Outcome, StartedUtc, CompletedUtc,
        TotalRecords, Succeeded, Failed, Skipped, Requests, InputTokens, CachedInputTokens, OutputTokens, CostMicros, LedgerHits, Mode,
        RowKey, ListCostMicros, WasteTokens, Retries, FailedLines, ExpiredLines, ResubmittedLines, WasteCauses);
}
