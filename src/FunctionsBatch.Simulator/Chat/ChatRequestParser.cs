using System.Text;
using System.Text.Json;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator.Chat;

/// <summary>
/// Reads a chat completion body as Azure.AI.OpenAI sends it and refuses what the service would refuse.
/// Fields the simulator has no use for (tools, seed, user...) are accepted and ignored.
/// </summary>
public static class ChatRequestParser
{
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "system", "developer", "user", "assistant", "tool", "function",
    };

    /// <exception cref="InvalidChatRequestException">The body is not a valid chat completion request.</exception>
    public static async Task<ChatRequest> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidChatRequestException("BadRequest", $"The request body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <exception cref="InvalidChatRequestException">The body is not a valid chat completion request.</exception>
    public static ChatRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidChatRequestException("BadRequest", "The request body must be a JSON object.");
        }

        var messages = ReadMessages(root);
        var maxTokens = ReadMaxTokens(root, "max_completion_tokens") ?? ReadMaxTokens(root, "max_tokens");
        CheckRange(root, "temperature", 0, 2);
        CheckRange(root, "top_p", 0, 1);
        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            throw new InvalidChatRequestException("unsupported_parameter", "The simulator does not support streaming.", "stream");
        }

        if (root.TryGetProperty("n", out var n) && n.ValueKind != JsonValueKind.Null && !(n.TryGetInt32(out var count) && count == 1))
        {
            throw new InvalidChatRequestException("unsupported_parameter", "The simulator supports only n = 1.", "n");
        }

        var (format, schema) = ReadResponseFormat(root);
        return new ChatRequest(messages, maxTokens, format, schema);
    }

    private static List<ChatMessageText> ReadMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages))
        {
            throw new InvalidChatRequestException("missing_required_parameter", "Missing required parameter: 'messages'.", "messages");
        }

        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            throw new InvalidChatRequestException("invalid_value", "'messages' must be a non-empty array.", "messages");
        }

        var result = new List<ChatMessageText>(messages.GetArrayLength());
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var param = $"messages[{index}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidChatRequestException("invalid_type", $"'{param}' must be an object.", param);
            }

            if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                throw new InvalidChatRequestException("missing_required_parameter", $"Missing required parameter: '{param}.role'.", $"{param}.role");
            }

            var roleName = role.GetString()!;
            if (!Roles.Contains(roleName))
            {
                throw new InvalidChatRequestException("invalid_value", $"Invalid value: '{roleName}'. Supported values are: {string.Join(", ", Roles.Select(r => $"'{r}'"))}.", $"{param}.role");
            }

            result.Add(new ChatMessageText(roleName, ReadContent(message, param)));
            index++;
        }

        return result;
    }

    private static string ReadContent(JsonElement message, string param)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Null:
                return string.Empty;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                var part = 0;
                foreach (var item in content.EnumerateArray())
                {
                    var partParam = $"{param}.content[{part++}]";
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                    {
                        throw new InvalidChatRequestException("invalid_type", $"'{partParam}' must be an object with a 'type'.", partParam);
                    }

                    if (type.ValueEquals("text"))
                    {
                        if (!item.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String)
                        {
                            throw new InvalidChatRequestException("missing_required_parameter", $"Missing required parameter: '{partParam}.text'.", $"{partParam}.text");
                        }

                        text.Append(partText.GetString());
                    }
                }

                return text.ToString();
            default:
                throw new InvalidChatRequestException("invalid_type", $"'{param}.content' must be a string or an array of content parts.", $"{param}.content");
        }
    }

    private static int? ReadMaxTokens(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var tokens) || tokens < 1)
        {
            throw new InvalidChatRequestException("invalid_value", $"'{name}' must be a positive integer.", name);
        }

        return tokens;
    }

    private static void CheckRange(JsonElement root, string name, double min, double max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() < min || value.GetDouble() > max)
        {
            throw new InvalidChatRequestException("invalid_value", $"'{name}' must be a number between {min} and {max}.", name);
        }
    }

    private static (ResponseFormatKind Format, JsonElement? Schema) ReadResponseFormat(JsonElement root)
    {
        if (!root.TryGetProperty("response_format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            return (ResponseFormatKind.Text, null);
        }

        if (format.ValueKind != JsonValueKind.Object || !format.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new InvalidChatRequestException("invalid_type", "'response_format' must be an object with a 'type'.", "response_format");
        }

        switch (type.GetString())
        {
            case "text":
                return (ResponseFormatKind.Text, null);
            case "json_object":
                return (ResponseFormatKind.JsonObject, null);
            case "json_schema":
                if (!format.TryGetProperty("json_schema", out var jsonSchema) || jsonSchema.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidChatRequestException("missing_required_parameter", "Missing required parameter: 'response_format.json_schema'.", "response_format.json_schema");
                }

                if (!jsonSchema.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0)
                {
                    throw new InvalidChatRequestException("missing_required_parameter", "Missing required parameter: 'response_format.json_schema.name'.", "response_format.json_schema.name");
                }

                if (!jsonSchema.TryGetProperty("schema", out var schema) || schema.ValueKind == JsonValueKind.Null)
                {
                    return (ResponseFormatKind.JsonObject, null);
                }

                if (schema.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidChatRequestException("invalid_type", "'response_format.json_schema.schema' must be an object.", "response_format.json_schema.schema");
                }

                return (ResponseFormatKind.JsonSchema, schema.Clone());
            default:
                throw new InvalidChatRequestException("invalid_value", $"Invalid value: '{type.GetString()}'. Supported values are: 'text', 'json_object' and 'json_schema'.", "response_format.type");
        }
    }
}
