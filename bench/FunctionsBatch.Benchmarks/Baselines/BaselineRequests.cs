using System.ClientModel;
using System.Text.Json;
using Azure.AI.OpenAI;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Specs;
using OpenAI.Chat;

namespace FunctionsBatch.Benchmarks.Baselines;

/// <summary>
/// What a hand-written caller sends: the same system prompt, user template, response schema and max_tokens as the
/// pipeline, through Azure.AI.OpenAI with its default options (so its default retry policy: 3 retries, honouring
/// Retry-After).
/// </summary>
public sealed class BaselineRequests
{
    private readonly ChatPrompt _prompt;
    private readonly ChatCompletionOptions _options;

    public BaselineRequests(JobSpec spec, string endpoint, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _prompt = new ChatPrompt(spec.Prompt);
        _options = new ChatCompletionOptions { MaxOutputTokenCount = spec.MaxOutputTokens };
        if (spec.ResponseSchema is { } schema)
        {
            _options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                "classify_tickets", BinaryData.FromString(schema.GetRawText()), jsonSchemaIsStrict: true);
        }

        var client = new AzureOpenAIClient(new Uri(endpoint), new ApiKeyCredential(apiKey), new AzureOpenAIClientOptions());
        Chat = client.GetChatClient(spec.Model);
        var unretried = new AzureOpenAIClient(new Uri(endpoint), new ApiKeyCredential(apiKey), new AzureOpenAIClientOptions { RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0) });
        Unretried = unretried.GetChatClient(spec.Model);
    }

    public ChatClient Chat { get; }

    /// <summary>The same client with the SDK's retries off, for a caller that handles 429s itself.</summary>
    public ChatClient Unretried { get; }

    public ChatCompletionOptions Options => _options;

    public ChatMessage[] Messages(JsonElement record)
    {
        var user = _prompt.RenderUser(record).Text ?? throw new InvalidOperationException("a benchmark record lacks a template field");
        return [new SystemChatMessage(_prompt.System), new UserChatMessage(user)];
    }
}
