using System.Text.Json;

namespace FunctionsBatch.Core.Records;

/// <summary>
/// Finds a key given twice in one JSON object. System.Text.Json keeps the last one, so
/// <c>{"chunkSize":0,…,"chunkSize":100}</c> would pass validation with a value the sender may not have meant.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>The path of the first key that repeats one before it in the same object; null when none does.</summary>
    public static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        return $"{path}.{property.Name}";
                    }

                    if (Find(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
