using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>The assistant's reply: a pure function of the request, so the same messages always get the same content.</summary>
public static class CompletionGenerator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="violateSchema">Break the json_schema response schema on purpose (fault injection).</param>
    /// <exception cref="InvalidChatRequestException">The response schema cannot be used.</exception>
    public static GeneratedCompletion Generate(ChatRequest request, bool violateSchema = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var random = DeterministicRandom.FromMessages(request.Messages);
        var text = new TextSource(request.Messages);
        var content = request.ResponseFormat switch
        {
            ResponseFormatKind.JsonSchema when request.Schema is { } schema && violateSchema =>
                SchemaViolator.Violate(schema, new SchemaValueGenerator(schema, random, text).Generate()).ToJsonString(Compact),
            ResponseFormatKind.JsonSchema when request.Schema is { } schema =>
                new SchemaValueGenerator(schema, random, text).Generate()?.ToJsonString(Compact) ?? "null",
            ResponseFormatKind.JsonSchema or ResponseFormatKind.JsonObject =>
                new JsonObject { ["answer"] = text.Sentence(random), ["confidence"] = Math.Round(0.5 + (random.NextDouble() / 2), 2) }.ToJsonString(Compact),
            _ => text.Sentence(random),
        };

        var tokens = ChatTokenCounter.CountText(content);
        if (request.MaxTokens is { } max && tokens > max)
        {
            content = TokenTruncator.Truncate(content, max);
            return new GeneratedCompletion(content, ChatTokenCounter.CountText(content), "length");
        }

        return new GeneratedCompletion(content, tokens, "stop");
    }
}
