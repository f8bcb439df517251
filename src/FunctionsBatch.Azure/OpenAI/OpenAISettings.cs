using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>The model endpoint: Azure OpenAI, or the simulator (same REST API) for tests and try-outs.</summary>
public sealed class OpenAISettings
{
    public const string Section = "AzureOpenAI";

    public string Endpoint { get; set; } = "http://127.0.0.1:5080";

    /// <summary>When empty, the client authenticates with <c>DefaultAzureCredential</c> (managed identity in Azure).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The user-assigned managed identity to use when there is no API key.</summary>
    public string? ClientId { get; set; }

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts per record, the first included, for transient failures (429, 5xx, timeouts, resets).</summary>
    public int MaxAttempts { get; set; } = 6;

    public int BaseDelayMilliseconds { get; set; } = 500;

    public int MaxDelaySeconds { get; set; } = 30;

    /// <summary>
    /// Quota per deployment (<c>AzureOpenAI__Deployments__{name}__TokensPerMinute</c>): the ceiling and starting rate of
    /// its pacing. Without one the pacer learns the quota from the service's headers and 429s.
    /// </summary>
    public Dictionary<string, DeploymentQuotaSettings> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many seconds of the admitted rate may be spent at once when the headers do not say more is free (Azure
    /// enforces over windows of 1 to 10 seconds, so more than a second's worth invites 429s).
    /// </summary>
    public double BurstSeconds { get; set; } = RateControlOptions.Default.BurstSeconds;

    public RateControlOptions RateControl() => RateControlOptions.Default with { BurstSeconds = BurstSeconds };

    public DeploymentQuotas Quotas() => new(Deployments.ToDictionary(
        d => d.Key, d => new DeploymentQuota(d.Value.TokensPerMinute, d.Value.RequestsPerMinute), StringComparer.OrdinalIgnoreCase));

    /// <summary>The api-version of the Files and Batches REST calls.</summary>
    public string BatchApiVersion { get; set; } = "2024-10-21";
}
