using System.Globalization;
using System.Text.Json;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>Resolves a local <c>$ref</c> (<c>#/$defs/x</c>) against the root of a schema.</summary>
public static class SchemaReference
{
    public static bool TryResolve(JsonElement root, string reference, out JsonElement target)
    {
        ArgumentNullException.ThrowIfNull(reference);
        target = default;
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        var current = root;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return false;
            }
        }

        target = current;
        return true;
    }
}
