using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// A <c>RunCosts</c> row: PartitionKey = run id, RowKey = <see cref="RunRowKey"/>. Money is micro-dollars
/// in a <see cref="long"/> (Azurite reads typed decimals back as 0).
/// </summary>
public sealed class RunCostEntity : ITableEntity
{
    public const string RunRowKey = "run";
    public const string OnlineMode = "online";

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

    /// <summary>How the model was called: <c>online</c> (chat completions at list price).</summary>
    public string Mode { get; set; } = OnlineMode;

    public int Repairs { get; set; }

    public string? RetryOf { get; set; }

    public static RunCostEntity From(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunCostEntity
        {
            PartitionKey = run.RunId,
            Job = run.Job,
            Model = run.Model,
            PromptVersion = run.PromptVersion,
            Tenant = run.Tags.GetValueOrDefault("tenant", string.Empty),
            Feature = run.Tags.GetValueOrDefault("feature", string.Empty),
            Tags = JsonSerializer.Serialize(run.Tags),
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
        };
    }

    public RunCostRow ToRow() => new(
        PartitionKey, Job, Model, PromptVersion, Tenant, Feature, Outcome, StartedUtc, CompletedUtc,
        TotalRecords, Succeeded, Failed, Skipped, Requests, InputTokens, CachedInputTokens, OutputTokens, CostMicros, LedgerHits, Mode);
}
