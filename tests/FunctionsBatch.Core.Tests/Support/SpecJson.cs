using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Core.Tests.Support;

/// <summary>A valid job spec as JSON, and copies of it with one property changed or removed.</summary>
internal static class SpecJson
{
    public const string Valid = """
        {
          "name": "classify-tickets",
          "prompt": { "system": "You classify tickets.", "user": "Subject: {{subject}}\n{{body}}" },
          "promptVersion": "v1",
          "model": "gpt-4o-mini",
          "tags": { "tenant": "contoso", "feature": "triage" }
        }
        """;

    /// <summary>
    /// The valid spec with the property at a dotted path (<c>prompt.user</c>) set to raw JSON, or removed when
    /// <paramref name="rawJson"/> is null.
    /// </summary>
    public static string With(string dottedPath, string? rawJson) => With(Valid, dottedPath, rawJson);

    public static string With(string spec, string dottedPath, string? rawJson)
    {
        var root = JsonNode.Parse(spec)!.AsObject();
        var segments = dottedPath.Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent[segment]!.AsObject();
        }

        if (rawJson is null)
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(rawJson);
        }

        return root.ToJsonString();
    }

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
