using System.Text.Json;

namespace FunctionsBatch.Client;

public static class ClientJson
{
    /// <summary>The API's conventions: camelCase names, enums as strings (read here as plain strings).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
