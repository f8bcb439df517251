namespace FunctionsBatch.Orchestration.Batch;

/// <summary>The configured enqueued-token quota per batch deployment (<c>AzureOpenAI__Deployments__{name}__EnqueuedTokens</c>); none means unchecked here.</summary>
public sealed class EnqueuedTokenQuotas(IReadOnlyDictionary<string, long> quotas)
{
    private readonly Dictionary<string, long> _quotas = new(quotas, StringComparer.OrdinalIgnoreCase);

    public static EnqueuedTokenQuotas None { get; } = new(new Dictionary<string, long>());

    public long? For(string deployment) => _quotas.TryGetValue(deployment, out var quota) && quota > 0 ? quota : null;
}
