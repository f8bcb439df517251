using System.Globalization;
using System.Text.Json;

namespace FunctionsBatch.Core.Specs;

/// <summary>
/// Finds <c>$ref</c>s in a response schema that point nowhere. A schema library accepts them and fails only when it
/// checks an answer, so every record of the run would fail at the model; the spec is refused instead. Only references
/// inside the schema (<c>#</c>, <c>#/$defs/…</c>) can resolve: the model provider fetches nothing.
/// </summary>
public static class SchemaReferences
{
    /// <summary>The first reference that does not resolve, with its path and why; null when all do.</summary>
    public static SpecError? FindUnresolvable(JsonElement schema, string path) => Find(schema, schema, path);

    private static SpecError? Find(JsonElement root, JsonElement node, string path)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    var childPath = $"{path}.{property.Name}";
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var reference = property.Value.GetString()!;
                        if (!reference.StartsWith('#'))
                        {
                            return new SpecError(childPath, $"'{reference}' is not a reference inside the schema (#/...); nothing outside it can be fetched");
                        }

                        if (!Resolves(root, reference[1..]))
                        {
                            return new SpecError(childPath, $"'{reference}' points to nothing in the schema");
                        }
                    }
                    else if (Find(root, property.Value, childPath) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    if (Find(root, item, $"{path}[{index++}]") is { } error)
                    {
                        return error;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Follows a JSON Pointer (RFC 6901) from the schema's root.</summary>
    private static bool Resolves(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return true;
        }

        if (!pointer.StartsWith('/'))
        {
            return false;
        }

        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
