using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>Builds the model client: the Azure OpenAI SDK with its retries off, wrapped in our retry policy.</summary>
public static class ChatModelClientFactory
{
    public static IChatModelClient Create(OpenAISettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
        };
        var endpoint = new Uri(settings.Endpoint);
        var client = string.IsNullOrEmpty(settings.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), options);
        return new RetryingChatModelClient(new AzureOpenAIChatModelClient(client), settings);
    }
}
