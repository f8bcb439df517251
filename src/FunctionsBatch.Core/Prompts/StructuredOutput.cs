using System.Text.Json;

namespace FunctionsBatch.Core.Prompts;

/// <summary>How a job's response schema is requested, the same way online and in a batch file.</summary>
public static class StructuredOutput
{
    /// <summary>A json_schema name the service accepts: letters, digits, '_' and '-', at most 64 characters.</summary>
    public static string SchemaName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        return cleaned.Length == 0 ? "output" : cleaned[..Math.Min(cleaned.Length, 64)];
    }

    /// <summary>Strict mode needs every object closed; anything else is requested non-strict and validated here.</summary>
    public static bool IsStrictCompatible(JsonElement schema) =>
        schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
}
