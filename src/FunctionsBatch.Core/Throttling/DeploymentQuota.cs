namespace FunctionsBatch.Core.Throttling;

/// <summary>A deployment's quota: tokens and requests per minute (0 = not known, so not paced).</summary>
public sealed record DeploymentQuota(int TokensPerMinute, int RequestsPerMinute)
{
    public static DeploymentQuota Unknown { get; } = new(0, 0);
}
