using System.Text.Json;

namespace FunctionsBatch.Core.Records;

/// <summary>
/// Finds JSON strings that are not text: a lone UTF-16 surrogate (<c>"\udc00"</c> is a legal escape) or bytes that
/// are not UTF-8. System.Text.Json parses both and throws only when the string is read, which would fail whatever
/// reads it (a prompt, a row key) long after the input was accepted; inputs are checked with this before anything
/// is staged.
/// </summary>
public static class JsonTextCheck
{
    /// <summary>What is wrong with such a string, for the error that names its path.</summary>
    public const string Problem = "is not valid Unicode text (a lone UTF-16 surrogate, or bytes that are not UTF-8)";

    /// <summary>The path of the first property name or string value under <paramref name="element"/> that is not text; null when all are.</summary>
    public static string? FindInvalid(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalid(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var position = 0;
                foreach (var property in element.EnumerateObject())
                {
                    string name = string.Empty;
                    if (!IsText(() => name = property.Name))
                    {
                        return $"{path}.(property {position})";
                    }

                    if (FindInvalid(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }

                    position++;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
