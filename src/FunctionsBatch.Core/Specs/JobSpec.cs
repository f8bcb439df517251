using FunctionsBatch.Core.Runs;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsBatch.Core.Specs;

/// <summary>A batch job: which prompt to run over each record, on which model, how wide, and who pays.</summary>
public sealed record JobSpec
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required PromptSpec Prompt { get; init; }

    public required string PromptVersion { get; init; }

    /// <summary>The Azure OpenAI deployment name.</summary>
    public required string Model { get; init; }

    [JsonPropertyName("responseSchema")]
    public JsonElement? ResponseSchema { get; init; }

    public int MaxOutputTokens { get; init; } = JobSpecDefaults.MaxOutputTokens;

    /// <summary>Records per chunk; null derives it from the input's size (<see cref="Planning.RunSizing.ChunkSize"/>).</summary>
    public int? ChunkSize { get; init; }

    public int MaxParallelChunks { get; init; } = JobSpecDefaults.MaxParallelChunks;

    /// <summary>How many model calls one chunk keeps in flight.</summary>
    public int MaxConcurrentRequestsPerChunk { get; init; } = JobSpecDefaults.MaxConcurrentRequestsPerChunk;

    /// <summary>
    /// Chunks per sub-orchestration: bounds every orchestration history, whatever the run size. Null derives it
    /// from the chunk count (<see cref="Planning.RunSizing.ChunksPerGroup"/>).
    /// </summary>
    public int? ChunksPerGroup { get; init; }

    /// <summary>Spend cap for one run in US dollars; dispatching stops before the next chunk would pass it.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>When false, records already answered with the same content key are reused instead of paid for again.</summary>
    public bool Reprocess { get; init; }

    /// <summary>Retries one chunk may spend, as a share of its records (0.5 = one retry per two records); a storm stops there.</summary>
    public double RetryBudget { get; init; } = JobSpecDefaults.RetryBudget;

    public FailureThreshold? FailureThreshold { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Six-field NCRONTAB; when set, the nightly timer starts this job.</summary>
    public string? Schedule { get; init; }

    /// <summary>Where a scheduled run reads its records from: a file, a blob, a blob prefix or a queue to drain.</summary>
    public RunSource? Input { get; init; }

    /// <summary><see cref="RunModes.Online"/>, <see cref="RunModes.Batch"/> or <see cref="RunModes.Auto"/>.</summary>
    public string Mode { get; init; } = RunModes.Online;

    /// <summary>How long after its start the run must be done; <c>mode: auto</c> needs it to choose.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>
    /// How long a chunk's records keep waiting through rate limiting (429s) before those still throttled fail as
    /// <c>rate_limited</c>, ready for <c>retry-failed</c>. Also ends at the <see cref="Deadline"/>.
    /// </summary>
    public TimeSpan ThrottleWait { get; init; } = JobSpecDefaults.ThrottleWait;

    public BatchOptions Batch { get; init; } = BatchOptions.Default;

    public string Tenant => Tags.TryGetValue("tenant", out var tenant) ? tenant : string.Empty;

    public string Feature => Tags.TryGetValue("feature", out var feature) ? feature : string.Empty;
}
