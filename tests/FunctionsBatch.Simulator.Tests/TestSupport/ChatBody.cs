using System.Text.Json.Nodes;

namespace FunctionsBatch.Simulator.Tests.TestSupport;

/// <summary>Chat completion request bodies as Azure.AI.OpenAI 2.1.0 serialises them.</summary>
public static class ChatBody
{
    public const string System = "You are a triage classifier. Reply with JSON.";

    public static JsonObject Create(string user, int? maxTokens = 200, JsonNode? responseFormat = null, string? system = System)
    {
        var messages = new JsonArray();
        if (system is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = user });
        var body = new JsonObject { ["messages"] = messages, ["temperature"] = 0 };
        if (maxTokens is { } max)
        {
            body["max_tokens"] = max;
        }

        if (responseFormat is not null)
        {
            body["response_format"] = responseFormat;
        }

        return body;
    }

    public static JsonObject JsonSchemaFormat(string schema, string name = "output") => new()
    {
        ["type"] = "json_schema",
        ["json_schema"] = new JsonObject { ["name"] = name, ["schema"] = JsonNode.Parse(schema), ["strict"] = true },
    };
}
