using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text.Json;
using Azure.AI.OpenAI;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Orchestration.Processing;
using OpenAI.Chat;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// One chat completion through Azure.AI.OpenAI, with the SDK's own retries turned off: the retry decorator
/// owns that policy. Model-side failures come back as failed results with their reason, never as exceptions.
/// A failure after the request went out still carries what the provider bills for it: the <c>usage</c> of a body
/// that was read but held no answer, or, when no answer arrived whole, an estimate (see <see cref="TokenWaste"/>).
/// </summary>
public sealed class AzureOpenAIChatModelClient(AzureOpenAIClient client) : IChatModelClient
{
    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = client.GetChatClient(request.Deployment);
        var messages = ToMessages(request);
        var options = ToOptions(request);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await chat.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false);
            if (!HasMessage(result.GetRawResponse(), out var billed))
            {
                // Valid JSON without a choice: the SDK's Content/FinishReason getters would throw on it.
                return Malformed("the response has no choices[0].message", clock.ElapsedMilliseconds) with
                {
                    Usage = billed,
                    Waste = new TokenWaste(Unreadable: billed.TotalTokens),
                };
            }

            var completion = result.Value;
            var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(c => c.Text)) : string.Empty;
            // A server that sends no usage (some OpenAI-compatible ones) still bills: count what it cannot have done without.
            var usage = completion.Usage is { } u
                ? new TokenUsage(u.InputTokenCount, u.InputTokenDetails?.CachedTokenCount ?? 0, u.OutputTokenCount)
                : new TokenUsage(ChatTokenCounter.CountPromptTokens(request.Messages), 0, ChatTokenCounter.CountText(text));
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
            {
                return ChatCallResult.Failure(200, RecordErrorCodes.ContentFilter, "the output was filtered by the content filter", false, null, clock.ElapsedMilliseconds) with
                {
                    Usage = usage,
                    UsageEstimated = completion.Usage is null,
                };
            }

            return ChatCallResult.Success(text, usage, clock.ElapsedMilliseconds) with
            {
                Rate = ModelFailureClassifier.ReadRateSignal(result.GetRawResponse()),
                Truncated = completion.FinishReason == ChatFinishReason.Length,
                UsageEstimated = completion.Usage is null,
            };
        }
        catch (ClientResultException ex)
        {
            var failed = ModelFailureClassifier.FromStatus(ex.Status, ex.GetRawResponse(), ex.Message, clock.ElapsedMilliseconds);
            // Status 0: no response at all (the transport failed, the SDK wraps it); a refusal with a status is not billed.
            return ex.Status == 0 && !NeverSent(ex.InnerException as HttpRequestException) ? LostInTransit(request, failed) : failed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The model may well have answered: the provider bills what it processed, whether or not we waited.
            return LostInTransit(request, ChatCallResult.Failure(null, RecordErrorCodes.Timeout, "the model call timed out", true, null, clock.ElapsedMilliseconds));
        }
        catch (JsonException ex)
        {
            // A 200 whose body is cut off or is not JSON (the SDK's JsonDocument.Parse throws JsonReaderException):
            // worth another try, never worth failing the chunk.
            return LostInTransit(request, Malformed($"the response body could not be read: {ex.Message}", clock.ElapsedMilliseconds));
        }
        catch (InvalidOperationException ex)
        {
            // A 200 that is JSON of the wrong shape ([] or "choices": null): the SDK's deserializer asks a
            // JsonElement for the wrong kind. The request is built before the try, so nothing else throws this here.
            return LostInTransit(request, Malformed($"the response body is not a chat completion: {ex.Message}", clock.ElapsedMilliseconds));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // A 200 whose finish_reason is null or a value this SDK version does not know ("Unknown ChatFinishReason value").
            return LostInTransit(request, Malformed($"the response body is not a chat completion this client can read: {ex.Message}", clock.ElapsedMilliseconds));
        }
        catch (HttpRequestException ex)
        {
            var failed = ChatCallResult.Failure(null, RecordErrorCodes.ConnectionFailed, $"the connection failed: {ex.Message}", true, null, clock.ElapsedMilliseconds);
            return NeverSent(ex) ? failed : LostInTransit(request, failed);
        }
        catch (IOException ex)
        {
            // The connection dropped after the headers, while the SDK buffered the body: System.ClientModel lets the
            // raw IOException (SocketException inside) out of BufferContentAsync, unwrapped in a ClientResultException.
            return LostInTransit(request, ChatCallResult.Failure(null, RecordErrorCodes.ConnectionFailed, $"the connection failed while the answer was read: {ex.Message}", true, null, clock.ElapsedMilliseconds));
        }
    }

    /// <summary>No connection was made, so nothing reached the model and nothing is billed.</summary>
    private static bool NeverSent(HttpRequestException? ex) =>
        ex?.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>
    /// The request went out and no answer arrived whole: billed as Azure charges it at admission (prompt tokens from
    /// the tokenizer plus <c>max_tokens</c>), an upper estimate of what the model spent on it.
    /// </summary>
    private static ChatCallResult LostInTransit(ChatCallRequest request, ChatCallResult failed)
    {
        var estimate = new TokenUsage(ChatTokenCounter.CountPromptTokens(request.Messages), 0, request.MaxOutputTokens);
        return failed with { Usage = estimate, Waste = new TokenWaste(LostInTransit: estimate.TotalTokens) };
    }

    private static ChatCallResult Malformed(string message, long latencyMs) =>
        ChatCallResult.Failure(200, RecordErrorCodes.MalformedResponse, message, true, null, latencyMs);

    /// <summary>
    /// Whether the body has the <c>choices[0].message</c> every field read below depends on; when not, what its
    /// <c>usage</c> says was billed (zero without one).
    /// </summary>
    private static bool HasMessage(PipelineResponse response, out TokenUsage billed)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        billed = TokenUsage.FromCompletionBody(document.RootElement);
        return document.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("choices", out var choices)
            && choices.ValueKind == JsonValueKind.Array
            && choices.GetArrayLength() > 0
            && choices[0].ValueKind == JsonValueKind.Object
            && choices[0].TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.Object;
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
                StructuredOutput.SchemaName(request.SchemaName),
                BinaryData.FromString(schema.GetRawText()),
                jsonSchemaIsStrict: StructuredOutput.IsStrictCompatible(schema));
        }

        return options;
    }
}
