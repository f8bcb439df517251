using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionsBatch.Core.Prompts;

/// <summary>
/// A user template with <c>{{field}}</c> or <c>{{field.nested}}</c> placeholders filled from a record.
/// Strings are inserted as they are; numbers and booleans as JSON text; objects and arrays as compact JSON.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly IReadOnlyList<TemplatePart> _parts;

    private PromptTemplate(string text, IReadOnlyList<TemplatePart> parts)
    {
        Text = text;
        _parts = parts;
        Fields = parts.Where(p => p.IsField).Select(p => p.Value).Distinct(StringComparer.Ordinal).ToArray();
    }

    public string Text { get; }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>Parses a template; errors name the offending placeholder.</summary>
    public static PromptTemplate Parse(string text, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(TemplatePart.Literal(text[position..]));
                break;
            }

            if (open > position)
            {
                parts.Add(TemplatePart.Literal(text[position..open]));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                problems.Add($"placeholder at offset {open} is not closed with '}}}}'");
                break;
            }

            var name = text[(open + 2)..close].Trim();
            if (!FieldName().IsMatch(name))
            {
                problems.Add($"placeholder '{{{{{name}}}}}' at offset {open} is not a field name (letters, digits, '_', '-', dotted paths)");
            }
            else
            {
                parts.Add(TemplatePart.Field(name));
            }

            position = close + 2;
        }

        errors = problems;
        return new PromptTemplate(text, parts);
    }

    public static PromptTemplate Parse(string text)
    {
        var template = Parse(text, out var errors);
        return errors.Count == 0 ? template : throw new FormatException(string.Join("; ", errors));
    }

    /// <summary>Fills the template from a record. A missing field is reported, never rendered as empty.</summary>
    public RenderResult Render(JsonElement record)
    {
        var builder = new StringBuilder(Text.Length + 256);
        List<string>? missing = null;
        foreach (var part in _parts)
        {
            if (!part.IsField)
            {
                builder.Append(part.Value);
                continue;
            }

            if (TryResolve(record, part.Value, out var value))
            {
                builder.Append(value);
            }
            else
            {
                (missing ??= []).Add(part.Value);
            }
        }

        return missing is null
            ? RenderResult.Rendered(builder.ToString())
            : RenderResult.MissingFields(missing.Distinct(StringComparer.Ordinal).ToArray());
    }

    private static bool TryResolve(JsonElement record, string path, out string value)
    {
        var current = record;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                value = string.Empty;
                return false;
            }
        }

        switch (current.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                value = string.Empty;
                return false;
            case JsonValueKind.String:
                value = current.GetString() ?? string.Empty;
                return true;
            case JsonValueKind.Number:
                value = current.GetRawText();
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = current.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                return true;
            default:
                value = JsonSerializer.Serialize(current);
                return true;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*(\.[A-Za-z_][A-Za-z0-9_\-]*)*$")]
    private static partial Regex FieldName();
}
