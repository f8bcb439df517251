using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsBatch.Http.Api;

/// <summary>How API bodies are written: camelCase, enums as names, nulls left out.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
