using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>The production clients pointed at a loopback server.</summary>
public static class ModelClients
{
    public static OpenAISettings Settings(Uri endpoint, int maxAttempts = 4, int timeoutSeconds = 30, string apiKey = SimulatorServer.ApiKey) => new()
    {
        Endpoint = endpoint.ToString().TrimEnd('/'),
        ApiKey = apiKey,
        TimeoutSeconds = timeoutSeconds,
        MaxAttempts = maxAttempts,
        BaseDelayMilliseconds = 10,
        MaxDelaySeconds = 5,
    };

    /// <summary>What the app uses: <see cref="ChatModelClientFactory.Create"/>, retries included.</summary>
    public static IChatModelClient Retrying(OpenAISettings settings) => ChatModelClientFactory.Create(settings);

    /// <summary>One attempt, no retry decorator, SDK options as the factory sets them: shows the first answer's classification.</summary>
    public static AzureOpenAIChatModelClient SingleAttempt(OpenAISettings settings) => new(
        new AzureOpenAIClient(
            new Uri(settings.Endpoint),
            new ApiKeyCredential(settings.ApiKey!),
            new AzureOpenAIClientOptions
            {
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            }));
}
