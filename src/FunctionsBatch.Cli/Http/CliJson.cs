using System.Text.Json;

namespace FunctionsBatch.Cli.Http;

public static class CliJson
{
    /// <summary>The API's conventions: camelCase names, enums as strings (read here as plain strings).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
