using System.Text.Json;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.TestSupport;

public static class ChatRequests
{
    public const string Deployment = "gpt-4o-mini";

    public const string System = "You are a triage classifier. Reply with JSON.";

    public const string ClassificationSchema = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["category", "priority", "summary"],
          "properties": {
            "category": { "type": "string", "enum": ["billing", "bug", "feature_request", "account_access", "outage", "other"] },
            "priority": { "type": "string", "enum": ["low", "medium", "high", "urgent"] },
            "summary": { "type": "string", "maxLength": 160 }
          }
        }
        """;

    /// <summary>A request whose user message is unique to the caller, so the simulator's per-content attempt counts never collide.</summary>
    public static ChatCallRequest Text(string user, int maxOutputTokens = 120, RetryBudget? budget = null) =>
        new(Deployment, Messages(user), maxOutputTokens, null, "output", budget);

    public static ChatCallRequest Classification(string user)
    {
        using var schema = JsonDocument.Parse(ClassificationSchema);
        return new(Deployment, Messages(user), 200, schema.RootElement.Clone(), "ticket classification");
    }

    public static IReadOnlyList<ChatMessageText> Messages(string user) =>
        [new ChatMessageText("system", System), new ChatMessageText("user", user)];

    public static string Ticket(string marker = "") =>
        $"Ticket {Guid.NewGuid():N}: I was charged twice for my subscription this month. {marker}".TrimEnd();
}
