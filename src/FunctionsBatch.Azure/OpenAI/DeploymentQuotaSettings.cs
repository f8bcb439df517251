namespace FunctionsBatch.Azure.OpenAI;

public sealed class DeploymentQuotaSettings
{
    public int TokensPerMinute { get; set; }

    public int RequestsPerMinute { get; set; }
}
