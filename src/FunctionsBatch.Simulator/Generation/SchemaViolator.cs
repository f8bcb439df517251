using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>
/// Turns a value that satisfies a response schema into valid JSON that breaks it the way a drifting model does:
/// a top-level enum (or const) property given a value outside the list; else a required property left out; else an
/// unexpected property where additionalProperties is false; else a value of the wrong type.
/// </summary>
public static class SchemaViolator
{
    private const int MaxRefDepth = 32;

    public static JsonNode Violate(JsonElement root, JsonNode? value)
    {
        var schema = Resolve(root, root);
        if (value is not JsonObject result)
        {
            return value switch
            {
                JsonArray or null => new JsonObject { ["unexpected"] = value },
                JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(0),
                _ => JsonValue.Create("unexpected"),
            };
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return new JsonArray(result);
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (result.ContainsKey(property.Name) && Allowed(Resolve(root, property.Value)) is { } allowed)
                {
                    result[property.Name] = Outside(allowed);
                    return result;
                }
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String))
            {
                if (result.Remove(name.GetString()!))
                {
                    return result;
                }
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
        {
            var name = "unexpected";
            while (result.ContainsKey(name))
            {
                name += "_";
            }

            result[name] = "unexpected";
            return result;
        }

        return new JsonArray(result);
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var depth = 0; depth < MaxRefDepth; depth++)
        {
            if (schema.ValueKind != JsonValueKind.Object
                || !schema.TryGetProperty("$ref", out var reference)
                || reference.ValueKind != JsonValueKind.String
                || !SchemaReference.TryResolve(root, reference.GetString()!, out var target))
            {
                return schema;
            }

            schema = target;
        }

        return schema;
    }

    private static JsonElement[]? Allowed(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return values.EnumerateArray().ToArray();
        }

        return schema.TryGetProperty("const", out var constant) ? [constant] : null;
    }

    private static JsonValue Outside(JsonElement[] allowed)
    {
        var taken = allowed.Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToHashSet(StringComparer.Ordinal);
        var candidate = "unlisted";
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = $"unlisted_{i}";
        }

        return JsonValue.Create(candidate);
    }
}
