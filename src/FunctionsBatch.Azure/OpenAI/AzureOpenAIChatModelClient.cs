using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using Azure.AI.OpenAI;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Processing;
using OpenAI.Chat;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// One chat completion through Azure.AI.OpenAI, with the SDK's own retries turned off: the retry decorator
/// owns that policy. Model-side failures come back as failed results with their reason, never as exceptions.
/// </summary>
public sealed class AzureOpenAIChatModelClient(AzureOpenAIClient client) : IChatModelClient
{
    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = client.GetChatClient(request.Deployment);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await chat.CompleteChatAsync(ToMessages(request), ToOptions(request), cancellationToken).ConfigureAwait(false);
            var completion = result.Value;
            var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(c => c.Text)) : string.Empty;
            var usage = completion.Usage is { } u
                ? new TokenUsage(u.InputTokenCount, u.InputTokenDetails?.CachedTokenCount ?? 0, u.OutputTokenCount)
                : TokenUsage.Zero;
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
            {
                return ChatCallResult.Failure(200, RecordErrorCodes.ContentFilter, "the output was filtered by the content filter", false, null, clock.ElapsedMilliseconds) with { Usage = usage };
            }

            return ChatCallResult.Success(text, usage, clock.ElapsedMilliseconds);
        }
        catch (ClientResultException ex)
        {
            return ModelFailureClassifier.FromStatus(ex.Status, ex.GetRawResponse(), ex.Message, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChatCallResult.Failure(null, RecordErrorCodes.Timeout, "the model call timed out", true, null, clock.ElapsedMilliseconds);
        }
        catch (JsonException ex)
        {
            // A 200 whose body is cut off or garbled: worth another try, never worth failing the chunk.
            return ChatCallResult.Failure(200, RecordErrorCodes.MalformedResponse, $"the response body could not be read: {ex.Message}", true, null, clock.ElapsedMilliseconds);
        }
        catch (HttpRequestException ex)
        {
            return ChatCallResult.Failure(null, RecordErrorCodes.ConnectionFailed, $"the connection failed: {ex.Message}", true, null, clock.ElapsedMilliseconds);
        }
    }

    private static ChatMessage[] ToMessages(ChatCallRequest request) =>
        request.Messages
            .Select(m => m.Role switch
            {
                "system" => (ChatMessage)new SystemChatMessage(m.Content),
                "assistant" => new AssistantChatMessage(m.Content),
                _ => new UserChatMessage(m.Content),
            })
            .ToArray();

    private static ChatCompletionOptions ToOptions(ChatCallRequest request)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = request.MaxOutputTokens };
        if (request.ResponseSchema is { } schema)
        {
            options.ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                SchemaName(request.SchemaName),
                BinaryData.FromString(schema.GetRawText()),
                jsonSchemaIsStrict: IsStrictCompatible(schema));
        }

        return options;
    }

    /// <summary>Strict mode needs every object closed; anything else is requested non-strict and validated here.</summary>
    private static bool IsStrictCompatible(JsonElement schema) =>
        schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;

    private static string SchemaName(string name)
    {
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        return cleaned.Length == 0 ? "output" : cleaned[..Math.Min(cleaned.Length, 64)];
    }
}
