using Azure.Core;
using Azure.Identity;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>Builds the Batch API client: one pooled <see cref="HttpClient"/>, the API key or the app's managed identity.</summary>
public static class BatchModelClientFactory
{
    public static IBatchModelClient Create(OpenAISettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
#pragma warning disable CA2000 // The client lives as long as the process: it is registered as a singleton.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(settings.TimeoutSeconds, 100)),
        };
#pragma warning restore CA2000
        TokenCredential? credential = string.IsNullOrEmpty(settings.ApiKey)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ClientId })
            : null;
        var endpoint = new Uri(settings.Endpoint.EndsWith('/') ? settings.Endpoint : settings.Endpoint + "/");
        return new AzureOpenAIBatchClient(http, endpoint, settings.BatchApiVersion, settings.ApiKey, credential);
    }
}
