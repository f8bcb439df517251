using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Batch;

/// <summary>
/// Writes one line of a Batch API input file: <c>{"custom_id", "method": "POST", "url": "/chat/completions", "body"}</c>,
/// where the body is the chat completion request the online path sends for the same record (messages, max_tokens,
/// json_schema response format), so a line is answered and billed like the online call apart from the price.
/// </summary>
public static class BatchRequestLine
{
    public const string Url = "/chat/completions";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="deployment">The Global Batch deployment: Azure routes a batch by the <c>model</c> of its lines.</param>
    public static void Write(
        Stream output, string customId, string deployment, IReadOnlyList<ChatMessageText> messages, int maxOutputTokens, JsonElement? responseSchema, string schemaName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(messages);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("custom_id", customId);
            json.WriteString("method", "POST");
            json.WriteString("url", Url);
            json.WriteStartObject("body");
            json.WriteString("model", deployment);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role);
                json.WriteString("content", message.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("max_tokens", maxOutputTokens);
            if (responseSchema is { } schema)
            {
                json.WriteStartObject("response_format");
                json.WriteString("type", "json_schema");
                json.WriteStartObject("json_schema");
                json.WriteString("name", StructuredOutput.SchemaName(schemaName));
                json.WritePropertyName("schema");
                schema.WriteTo(json);
                json.WriteBoolean("strict", StructuredOutput.IsStrictCompatible(schema));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
