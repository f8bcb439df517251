namespace FunctionsBatch.Azure.OpenAI;

public sealed class DeploymentQuotaSettings
{
    public int TokensPerMinute { get; set; }

    public int RequestsPerMinute { get; set; }

    /// <summary>The Global Batch deployment's enqueued-token quota; a batch that would pass it waits instead of being sent.</summary>
    public long EnqueuedTokens { get; set; }
}
