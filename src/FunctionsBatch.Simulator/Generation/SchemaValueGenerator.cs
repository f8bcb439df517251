using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Simulator.Chat;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>
/// Builds a JSON value valid against a response schema (the subset structured outputs allow: objects,
/// arrays, strings, numbers, booleans, null, enum, const, anyOf and local $ref), choosing every free value
/// from the request's deterministic random stream.
/// </summary>
public sealed class SchemaValueGenerator
{
    private const int MaxDepth = 32;
    private const string SchemaParam = "response_format.json_schema.schema";
    private static readonly string[] Combinators = ["anyOf", "oneOf", "allOf"];
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly JsonElement _root;
    private readonly DeterministicRandom _random;
    private readonly TextSource _text;
    private bool _preferMentioned = true;

    public SchemaValueGenerator(JsonElement root, DeterministicRandom random, TextSource text)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(text);
        _root = root;
        _random = random;
        _text = text;
    }

    /// <exception cref="InvalidChatRequestException">The schema is one the service would refuse (bad $ref, endless nesting).</exception>
    public JsonNode? Generate() => Generate(_root, 0);

    private JsonNode? Generate(JsonElement schema, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidChatRequestException("invalid_value", $"The response schema nests deeper than {MaxDepth} levels.", SchemaParam);
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema.ValueKind == JsonValueKind.False ? null : JsonValue.Create(_text.Sentence(_random));
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            return Generate(Resolve(reference.GetString()!), depth + 1);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return PickEnum(values);
        }

        foreach (var keyword in Combinators)
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() > 0 && !HasOwnType(schema))
            {
                var branch = branches.EnumerateArray().FirstOrDefault(b => !IsNullOnly(b), branches[0]);
                return Generate(branch, depth + 1);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => GenerateObject(schema, depth),
            "array" => GenerateArray(schema, depth),
            "integer" => GenerateInteger(schema),
            "number" => GenerateNumber(schema),
            "boolean" => JsonValue.Create(_random.NextIndex(2) == 1),
            "null" => null,
            _ => JsonValue.Create(GenerateString(schema)),
        };
    }

    private JsonObject GenerateObject(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Generate(property.Value, depth + 1);
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            var extra = schema.TryGetProperty("additionalProperties", out var additional) ? additional : default;
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
            {
                if (!result.ContainsKey(name))
                {
                    result[name] = extra.ValueKind == JsonValueKind.Object ? Generate(extra, depth + 1) : JsonValue.Create(_text.Sentence(_random));
                }
            }
        }

        return result;
    }

    private JsonArray GenerateArray(JsonElement schema, int depth)
    {
        var min = (int)Math.Max(0, ReadNumber(schema, "minItems") ?? 0);
        var max = (int)Math.Max(min, ReadNumber(schema, "maxItems") ?? Math.Max(min, 3));
        var low = Math.Max(min, Math.Min(1, max));
        var count = (int)_random.NextInt64(low, Math.Min(max, low + 2));
        var prefix = schema.TryGetProperty("prefixItems", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToArray() : [];
        var items = schema.TryGetProperty("items", out var i) ? i : default;
        if (items.ValueKind == JsonValueKind.False)
        {
            count = Math.Min(count, prefix.Length);
        }

        var unique = schema.TryGetProperty("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < count; index++)
        {
            var itemSchema = index < prefix.Length ? prefix[index] : items;
            var added = false;
            for (var attempt = 0; attempt < 8 && !added; attempt++)
            {
                // Only the first item may echo a mentioned enum value; the rest vary, so unique items stay possible.
                var saved = _preferMentioned;
                _preferMentioned = saved && index == 0 && attempt == 0;
                var item = itemSchema.ValueKind == JsonValueKind.Undefined ? JsonValue.Create(_text.Sentence(_random)) : Generate(itemSchema, depth + 1);
                _preferMentioned = saved;
                if (!unique || seen.Add(item?.ToJsonString() ?? "null"))
                {
                    result.Add(item);
                    added = true;
                }
            }

            if (!added && UnusedEnumMember(itemSchema, seen) is { } member)
            {
                seen.Add(member.ToJsonString());
                result.Add(member);
            }
        }

        return result;
    }

    private static JsonNode? UnusedEnumMember(JsonElement schema, HashSet<string> seen) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray()
                .Select(v => JsonNode.Parse(v.GetRawText()))
                .FirstOrDefault(v => v is not null && !seen.Contains(v.ToJsonString()))
            : null;

    private JsonValue GenerateInteger(JsonElement schema)
    {
        var (min, max) = Bounds(schema, integer: true);
        var low = (long)Math.Ceiling(min);
        var high = (long)Math.Floor(max);
        var step = ReadNumber(schema, "multipleOf") is { } m && m >= 1 && m == Math.Floor(m) ? (long)m : 1;
        var k = _random.NextInt64((long)Math.Ceiling(low / (double)step), (long)Math.Floor(high / (double)step));
        return JsonValue.Create(k * step);
    }

    private JsonValue GenerateNumber(JsonElement schema)
    {
        var (min, max) = Bounds(schema, integer: false);
        var exact = min + ((max - min) * (0.05 + (0.9 * _random.NextDouble())));
        var rounded = Math.Round(exact, 2);
        return JsonValue.Create(InBounds(schema, rounded) ? rounded : exact);
    }

    private string GenerateString(JsonElement schema)
    {
        var minLength = (int?)ReadNumber(schema, "minLength");
        var maxLength = (int?)ReadNumber(schema, "maxLength");
        var format = schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var moment = Epoch.AddSeconds(_random.NextInt64(0, 365L * 24 * 3600));
        var formatted = format switch
        {
            "date-time" => moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => moment.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "email" => $"user{_random.NextInt64(1, 9999)}@example.com",
            "uuid" => new Guid(BitConverter.GetBytes(_random.NextUInt64()).Concat(BitConverter.GetBytes(_random.NextUInt64())).ToArray()).ToString(),
            "uri" => $"https://example.com/items/{_random.NextInt64(1, 99999)}",
            "hostname" => $"host{_random.NextInt64(1, 999)}.example.com",
            "ipv4" => $"10.{_random.NextInt64(0, 255)}.{_random.NextInt64(0, 255)}.{_random.NextInt64(1, 254)}",
            _ => null,
        };
        return formatted ?? _text.Sentence(_random, minLength, maxLength);
    }

    private JsonNode? PickEnum(JsonElement values)
    {
        var options = values.EnumerateArray().ToArray();
        if (_preferMentioned)
        {
            var names = options.Select(o => o.ValueKind == JsonValueKind.String ? o.GetString()! : string.Empty).ToArray();
            var mentioned = _text.FindMentioned(names);
            if (mentioned >= 0)
            {
                return JsonValue.Create(names[mentioned]);
            }
        }

        return JsonNode.Parse(options[_random.NextIndex(options.Length)].GetRawText());
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new InvalidChatRequestException("invalid_value", $"Only local $ref is supported, not '{reference}'.", SchemaParam);
        }

        return SchemaReference.TryResolve(_root, reference, out var target)
            ? target
            : throw new InvalidChatRequestException("invalid_value", $"The schema reference '{reference}' does not resolve.", SchemaParam);
    }

    private static (double Min, double Max) Bounds(JsonElement schema, bool integer)
    {
        const double Limit = 1e15;
        var unit = integer ? 1 : 0.01;
        double? min = ReadNumber(schema, "minimum");
        double? max = ReadNumber(schema, "maximum");
        if (ReadNumber(schema, "exclusiveMinimum") is { } exMin)
        {
            min = Math.Max(min ?? double.MinValue, integer ? Math.Floor(exMin) + 1 : exMin + unit);
        }
        else if (min is { } m && IsTrue(schema, "exclusiveMinimum"))
        {
            min = integer ? Math.Floor(m) + 1 : m + unit;
        }

        if (ReadNumber(schema, "exclusiveMaximum") is { } exMax)
        {
            max = Math.Min(max ?? double.MaxValue, integer ? Math.Ceiling(exMax) - 1 : exMax - unit);
        }
        else if (max is { } m && IsTrue(schema, "exclusiveMaximum"))
        {
            max = integer ? Math.Ceiling(m) - 1 : m - unit;
        }

        var low = Math.Clamp(min ?? (max is { } h ? h - 100 : 0), -Limit, Limit);
        var high = Math.Clamp(max ?? low + 100, -Limit, Limit);
        return (low, Math.Max(low, high));
    }

    private static bool InBounds(JsonElement schema, double value) =>
        !(ReadNumber(schema, "minimum") is { } min && value < min)
        && !(ReadNumber(schema, "maximum") is { } max && value > max)
        && !(ReadNumber(schema, "exclusiveMinimum") is { } exMin && value <= exMin)
        && !(ReadNumber(schema, "exclusiveMaximum") is { } exMax && value >= exMax);

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                var names = type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
                return names.FirstOrDefault(t => t != "null") ?? names.FirstOrDefault() ?? "string";
            }
        }

        if (Has(schema, "properties") || Has(schema, "required") || Has(schema, "additionalProperties"))
        {
            return "object";
        }

        if (Has(schema, "items") || Has(schema, "prefixItems") || Has(schema, "minItems") || Has(schema, "maxItems"))
        {
            return "array";
        }

        return Has(schema, "minimum") || Has(schema, "maximum") ? "number" : "string";
    }

    private static bool HasOwnType(JsonElement schema) => Has(schema, "type") || Has(schema, "properties");

    private static bool IsNullOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("null");

    private static bool Has(JsonElement schema, string keyword) => schema.TryGetProperty(keyword, out _);

    private static bool IsTrue(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    private static double? ReadNumber(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
