namespace FunctionsBatch.Core.Throttling;

/// <summary>The configured quota of each deployment, by deployment name (case-insensitive); unknown ones are <see cref="DeploymentQuota.Unknown"/>.</summary>
public sealed class DeploymentQuotas(IReadOnlyDictionary<string, DeploymentQuota> quotas)
{
    private readonly Dictionary<string, DeploymentQuota> _quotas = new(quotas, StringComparer.OrdinalIgnoreCase);

    public static DeploymentQuotas None { get; } = new(new Dictionary<string, DeploymentQuota>());

    public IReadOnlyDictionary<string, DeploymentQuota> All => _quotas;

    public DeploymentQuota For(string deployment) => _quotas.GetValueOrDefault(deployment, DeploymentQuota.Unknown);
}
