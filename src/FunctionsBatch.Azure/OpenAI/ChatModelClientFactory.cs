using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>Builds the model client: the Azure OpenAI SDK with its retries off, wrapped in our retry policy.</summary>
public static class ChatModelClientFactory
{
    /// <summary>Retries (outermost) around pacing, so every attempt is paced, around the SDK call.</summary>
    public static IChatModelClient Create(OpenAISettings settings, TimeProvider? time = null, IQuotaShare? share = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        var endpoint = new Uri(settings.Endpoint);
        var client = string.IsNullOrEmpty(settings.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ClientId }), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), options);
        var paced = new PacedChatModelClient(new AzureOpenAIChatModelClient(client), settings.Quotas().All, time ?? TimeProvider.System, settings.RateControl(), share);
        return new RetryingChatModelClient(paced, settings, time);
    }
}
