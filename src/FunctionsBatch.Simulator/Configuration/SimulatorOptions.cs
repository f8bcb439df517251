using FunctionsBatch.Simulator.RateLimiting;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>The <c>Simulator</c> configuration section. Limits of 0 mean unlimited.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public const string DefaultUrl = "http://127.0.0.1:5080";

    public string ApiKey { get; set; } = "sim-key";

    public string? Urls { get; set; }

    public int LatencyMs { get; set; }

    public int LatencyJitterMs { get; set; }

    public long DefaultTokensPerMinute { get; set; }

    public long DefaultRequestsPerMinute { get; set; }

    /// <summary>How limits are enforced: <c>Window</c> (Azure's short sliding window, the default) or <c>Bucket</c> (one minute's worth, starting full).</summary>
    public RateLimitShape RateLimitShape { get; set; } = RateLimitShape.Window;

    /// <summary>The sliding window's length for <see cref="RateLimitShape.Window"/>; Azure evaluates over 1 s or 10 s windows.</summary>
    public double RateLimitWindowSeconds { get; set; } = RateLimits.DefaultWindowSeconds;

    /// <summary><c>Azure</c> (remaining counts only) or <c>OpenAI</c> (also the <c>x-ratelimit-limit-*</c> and <c>x-ratelimit-reset-*</c> headers).</summary>
    public RateHeaders RateLimitHeaders { get; set; } = RateHeaders.Azure;

    /// <summary>Prompt plus max_tokens above this is refused with 400 context_length_exceeded, as gpt-4o does.</summary>
    public int ContextWindow { get; set; } = 128_000;

    /// <summary>Fault injection for every deployment; a deployment's own <c>Faults</c> override it field by field.</summary>
    public FaultConfig Faults { get; set; } = new();

    /// <summary>The Files and Batches endpoints: completion delay, per-line failures and expiries, enqueued-token limits.</summary>
    public BatchSimulationOptions Batch { get; set; } = new();

    /// <summary>Answers carry no <c>usage</c> block, as some OpenAI-compatible servers send them.</summary>
    public bool OmitUsage { get; set; }

    public Dictionary<string, DeploymentOptions> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
