using System.Text.Json;
using FunctionsBatch.Core.Intake;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// Reads an <c>input</c> object, in a job spec or a start-run body, into a <see cref="RunSource"/>:
/// <c>{"path": "data/records.jsonl"}</c>, <c>{"blob": "container/name.jsonl"}</c>,
/// <c>{"blob": {"container": "c", "prefix": "2026/11/", "format": "jsonl"|"csv"}}</c> or <c>{"queue": "tickets-intake"}</c>.
/// </summary>
public static class InputSourceParser
{
    private const string Shapes =
        "{\"path\": \"data/records.jsonl\"}, {\"blob\": \"container/records.jsonl\"}, {\"blob\": {\"container\": \"c\", \"prefix\": \"p/\", \"format\": \"jsonl\"}} or {\"queue\": \"tickets-intake\"}";

    public static RunSource? Read(JsonElement input, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (input.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object like {Shapes}, not {JobSpecParser.Describe(input)}"));
            return null;
        }

        var properties = input.EnumerateObject().ToArray();
        if (properties.Length != 1 || properties[0].Name is not ("path" or "blob" or "queue"))
        {
            errors.Add(new SpecError(path, "must have exactly one of 'path' (a JSONL file the host can read), 'blob' (container/name of a JSONL blob, or {container, prefix, format}) or 'queue' (a Storage queue to drain)"));
            return null;
        }

        var (name, value) = (properties[0].Name, properties[0].Value);
        var valuePath = $"{path}.{name}";
        if (name == "blob" && value.ValueKind == JsonValueKind.Object)
        {
            return ReadPrefix(value, valuePath, errors);
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new SpecError(valuePath, name == "blob"
                ? $"must be 'container/blob-name' or an object {{container, prefix, format}}, not {JobSpecParser.Describe(value)}"
                : $"must be a non-empty string, not {JobSpecParser.Describe(value)}"));
            return null;
        }

        var location = value.GetString()!;
        switch (name)
        {
            case "blob" when location.Split('/', 2) is not [{ Length: > 0 }, { Length: > 0 }]:
                errors.Add(new SpecError(valuePath, $"must be 'container/blob-name', was \"{location}\""));
                return null;
            case "blob":
                return new RunSource(RunSourceKinds.Blob, location);
            case "queue" when QueueNames.Check(location) is { } problem:
                errors.Add(new SpecError(valuePath, $"{problem}, was \"{location}\""));
                return null;
            case "queue":
                return new RunSource(RunSourceKinds.Queue, location);
            default:
                return new RunSource(RunSourceKinds.File, location);
        }
    }

    private static RunSource? ReadPrefix(JsonElement blob, string path, List<SpecError> errors)
    {
        var before = errors.Count;
        foreach (var property in blob.EnumerateObject().Where(p => p.Name is not ("container" or "prefix" or "format")))
        {
            errors.Add(new SpecError($"{path}.{property.Name}", "is not a known property (expected 'container', 'prefix' and 'format')"));
        }

        var container = ReadString(blob, "container", path, required: true, errors);
        if (container is not null && container.Contains('/', StringComparison.Ordinal))
        {
            errors.Add(new SpecError($"{path}.container", $"must be a container name without '/', was \"{container}\""));
        }

        var prefix = ReadString(blob, "prefix", path, required: false, errors) ?? string.Empty;
        var format = ReadString(blob, "format", path, required: false, errors) ?? InputFormats.Jsonl;
        if (format is not (InputFormats.Jsonl or InputFormats.Csv))
        {
            errors.Add(new SpecError($"{path}.format", $"must be \"{InputFormats.Jsonl}\" or \"{InputFormats.Csv}\", was \"{format}\""));
        }

        return errors.Count == before ? new RunSource(RunSourceKinds.BlobPrefix, $"{container}/{prefix}", format) : null;
    }

    private static string? ReadString(JsonElement parent, string name, string path, bool required, List<SpecError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            if (required)
            {
                errors.Add(new SpecError($"{path}.{name}", "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.GetString())))
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be a non-empty string, not {JobSpecParser.Describe(value)}"));
            return null;
        }

        return value.GetString();
    }
}
