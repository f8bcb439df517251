using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Runs;
using Json.Schema;

namespace FunctionsBatch.Core.Specs;

/// <summary>
/// Reads a job spec from JSON and reports every problem with its JSON path, not just the first one.
/// Unknown properties are errors: a misspelt <c>chunksize</c> must not silently fall back to a default.
/// </summary>
public static partial class JobSpecParser
{
    internal static readonly HashSet<string> KnownProperties = new(StringComparer.Ordinal)
    {
        SchemaProperty, "name", "description", "prompt", "promptVersion", "model", "responseSchema", "maxOutputTokens",
        "chunkSize", "maxParallelChunks", "maxConcurrentRequestsPerChunk", "chunksPerGroup", "reprocess", "budgetUsd", "retryBudget", "failureThreshold", "tags", "schedule", "input",
        "mode", "deadline", "throttleWait", "batch",
    };

    /// <summary>Where an editor finds the spec's JSON Schema (<c>jobs/job-spec.schema.json</c>); the host ignores it.</summary>
    public const string SchemaProperty = "$schema";

    private static readonly string[] RequiredTags = ["tenant", "feature"];

    public static JobSpec Parse(string json, string path = "$")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new JobSpecException([new SpecError(path, $"is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            return Parse(document.RootElement, path);
        }
    }

    public static JobSpec Parse(JsonElement element, string path = "$")
    {
        var errors = Validate(element, path);
        if (errors.Count > 0)
        {
            throw new JobSpecException(errors);
        }

        return Read(element);
    }

    public static IReadOnlyList<SpecError> Validate(JsonElement spec, string path = "$")
    {
        var errors = new List<SpecError>();
        if (spec.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be a JSON object, not {Describe(spec)}"));
            return errors;
        }

        foreach (var property in spec.EnumerateObject())
        {
            if (!KnownProperties.Contains(property.Name))
            {
                errors.Add(new SpecError($"{path}.{property.Name}", "is not a known spec property"));
            }
        }

        if (RequireString(spec, "name", path, errors) is { } name && !JobName().IsMatch(name))
        {
            errors.Add(new SpecError($"{path}.name", "must be 1-63 characters of lower-case letters, digits and '-', starting with a letter"));
        }

        OptionalString(spec, "description", path, errors);
        OptionalString(spec, SchemaProperty, path, errors);
        ValidatePrompt(spec, path, errors);
        CheckColumn(RequireString(spec, "promptVersion", path, errors), $"{path}.promptVersion", JobSpecDefaults.MaxPromptVersionLength, errors);
        CheckColumn(RequireString(spec, "model", path, errors), $"{path}.model", JobSpecDefaults.MaxModelLength, errors);
        ValidateResponseSchema(spec, path, errors);
        OptionalInt(spec, "maxOutputTokens", 1, JobSpecDefaults.MaxOutputTokensLimit, path, errors);
        OptionalInt(spec, "chunkSize", 1, JobSpecDefaults.MaxChunkSize, path, errors);
        OptionalInt(spec, "maxParallelChunks", 1, JobSpecDefaults.MaxParallelChunksLimit, path, errors);
        OptionalInt(spec, "maxConcurrentRequestsPerChunk", 1, JobSpecDefaults.MaxConcurrentRequestsPerChunkLimit, path, errors);
        OptionalInt(spec, "chunksPerGroup", 1, JobSpecDefaults.MaxChunksPerGroup, path, errors);
        if (spec.TryGetProperty("reprocess", out var reprocess) && reprocess.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new SpecError($"{path}.reprocess", $"must be true or false, not {Describe(reprocess)}"));
        }

        OptionalNumber(spec, "budgetUsd", 0.000001, 1_000_000, path, errors);
        OptionalNumber(spec, "retryBudget", 0, JobSpecDefaults.MaxRetryBudget, path, errors);
        ValidateFailureThreshold(spec, path, errors);
        ValidateTags(spec, path, errors);
        ValidateSchedule(spec, path, errors);
        ValidateInput(spec, path, errors);
        BatchSpecParser.Validate(spec, path, errors);
        return errors;
    }

    private static JobSpec Read(JsonElement spec)
    {
        var prompt = spec.GetProperty("prompt");
        return new JobSpec
        {
            Name = spec.GetProperty("name").GetString()!,
            Description = spec.TryGetProperty("description", out var description) ? description.GetString() : null,
            Prompt = new PromptSpec(
                prompt.TryGetProperty("system", out var system) ? system.GetString() ?? string.Empty : string.Empty,
                prompt.GetProperty("user").GetString()!),
            PromptVersion = spec.GetProperty("promptVersion").GetString()!,
            Model = spec.GetProperty("model").GetString()!,
            ResponseSchema = spec.TryGetProperty("responseSchema", out var schema) && schema.ValueKind == JsonValueKind.Object
                ? schema.Clone()
                : null,
            MaxOutputTokens = IntOr(spec, "maxOutputTokens", JobSpecDefaults.MaxOutputTokens),
            ChunkSize = IntOrNull(spec, "chunkSize"),
            MaxParallelChunks = IntOr(spec, "maxParallelChunks", JobSpecDefaults.MaxParallelChunks),
            MaxConcurrentRequestsPerChunk = IntOr(spec, "maxConcurrentRequestsPerChunk", JobSpecDefaults.MaxConcurrentRequestsPerChunk),
            BudgetUsd = spec.TryGetProperty("budgetUsd", out var budgetUsd) ? budgetUsd.GetDecimal() : null,
            Reprocess = spec.TryGetProperty("reprocess", out var reprocessFlag) && reprocessFlag.GetBoolean(),
            ChunksPerGroup = IntOrNull(spec, "chunksPerGroup"),
            RetryBudget = spec.TryGetProperty("retryBudget", out var budget) ? budget.GetDouble() : JobSpecDefaults.RetryBudget,
            FailureThreshold = spec.TryGetProperty("failureThreshold", out var threshold) && threshold.ValueKind == JsonValueKind.Object
                ? new FailureThreshold(threshold.GetProperty("rate").GetDouble(), threshold.GetProperty("minRecords").GetInt32())
                : null,
            Tags = spec.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            Schedule = spec.TryGetProperty("schedule", out var schedule) && schedule.ValueKind == JsonValueKind.String
                ? schedule.GetString()
                : null,
            Input = spec.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object
                ? InputSourceParser.Read(input, "$.input", [])
                : null,
            Mode = spec.TryGetProperty("mode", out var mode) ? mode.GetString()! : RunModes.Online,
            Deadline = spec.TryGetProperty("deadline", out var deadline) ? BatchSpecParser.ReadDuration(deadline) : null,
            ThrottleWait = spec.TryGetProperty("throttleWait", out var throttleWait) ? BatchSpecParser.ReadDuration(throttleWait) : JobSpecDefaults.ThrottleWait,
            Batch = BatchSpecParser.Read(spec),
        };
    }

    private static void ValidatePrompt(JsonElement spec, string path, List<SpecError> errors)
    {
        var promptPath = $"{path}.prompt";
        if (!spec.TryGetProperty("prompt", out var prompt))
        {
            errors.Add(new SpecError(promptPath, "is required"));
            return;
        }

        if (prompt.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(promptPath, $"must be an object with 'system' and 'user', not {Describe(prompt)}"));
            return;
        }

        foreach (var property in prompt.EnumerateObject().Where(p => p.Name is not ("system" or "user")))
        {
            errors.Add(new SpecError($"{promptPath}.{property.Name}", "is not a known prompt property (expected 'system' and 'user')"));
        }

        OptionalString(prompt, "system", promptPath, errors);
        if (RequireString(prompt, "user", promptPath, errors) is { } user)
        {
            var template = PromptTemplate.Parse(user, out var templateErrors);
            errors.AddRange(templateErrors.Select(e => new SpecError($"{promptPath}.user", e)));
            if (templateErrors.Count == 0 && template.Fields.Count == 0)
            {
                errors.Add(new SpecError($"{promptPath}.user", "has no {{field}} placeholder, so every record would get the same prompt"));
            }
        }
    }

    private static void ValidateResponseSchema(JsonElement spec, string path, List<SpecError> errors)
    {
        if (!spec.TryGetProperty("responseSchema", out var schema) || schema.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var schemaPath = $"{path}.responseSchema";
        if (schema.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(schemaPath, $"must be a JSON Schema object, not {Describe(schema)}"));
            return;
        }

        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            errors.Add(new SpecError($"{schemaPath}.type", "must be \"object\": structured output returns a JSON object"));
        }

        if (SchemaReferences.FindUnresolvable(schema, schemaPath) is { } unresolvable)
        {
            errors.Add(unresolvable);
            return;
        }

        try
        {
            JsonSchema.Build(schema);
        }
        catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            errors.Add(new SpecError(schemaPath, $"is not a valid JSON Schema: {ex.Message}"));
        }
    }

    private static void ValidateFailureThreshold(JsonElement spec, string path, List<SpecError> errors)
    {
        if (!spec.TryGetProperty("failureThreshold", out var threshold) || threshold.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var thresholdPath = $"{path}.failureThreshold";
        if (threshold.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(thresholdPath, $"must be an object like {{\"rate\": 0.2, \"minRecords\": 100}}, not {Describe(threshold)}"));
            return;
        }

        foreach (var property in threshold.EnumerateObject().Where(p => p.Name is not ("rate" or "minRecords")))
        {
            errors.Add(new SpecError($"{thresholdPath}.{property.Name}", "is not a known property (expected 'rate' and 'minRecords')"));
        }

        if (!threshold.TryGetProperty("rate", out _))
        {
            errors.Add(new SpecError($"{thresholdPath}.rate", "is required"));
        }
        else
        {
            OptionalNumber(threshold, "rate", 0, 1, thresholdPath, errors);
        }

        if (!threshold.TryGetProperty("minRecords", out _))
        {
            errors.Add(new SpecError($"{thresholdPath}.minRecords", "is required"));
        }
        else
        {
            OptionalInt(threshold, "minRecords", 1, int.MaxValue, thresholdPath, errors);
        }
    }

    private static void OptionalNumber(JsonElement parent, string name, double min, double max, string path, List<SpecError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be a number between {min} and {max}, not {Describe(value)}"));
            return;
        }

        var number = value.GetDouble();
        if (number < min || number > max)
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be between {min} and {max}, was {value.GetRawText()}"));
        }
    }

    private static void ValidateTags(JsonElement spec, string path, List<SpecError> errors)
    {
        var tagsPath = $"{path}.tags";
        if (!spec.TryGetProperty("tags", out var tags))
        {
            errors.Add(new SpecError(tagsPath, "is required, with at least 'tenant' and 'feature' for cost attribution"));
            return;
        }

        if (tags.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(tagsPath, $"must be an object of string values, not {Describe(tags)}"));
            return;
        }

        var count = 0;
        foreach (var tag in tags.EnumerateObject())
        {
            if (++count > JobSpecDefaults.MaxTags)
            {
                errors.Add(new SpecError(tagsPath, $"may hold at most {JobSpecDefaults.MaxTags} tags (they are stored on every cost row)"));
                break;
            }

            var tagPath = $"{tagsPath}.{(tag.Name.Length > JobSpecDefaults.MaxTagNameLength ? tag.Name[..JobSpecDefaults.MaxTagNameLength] + "…" : tag.Name)}";
            CheckColumn(tag.Name, $"{tagPath} (the name)", JobSpecDefaults.MaxTagNameLength, errors);
            if (tag.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new SpecError(tagPath, $"must be a string, not {Describe(tag.Value)}"));
            }
            else
            {
                CheckColumn(tag.Value.GetString(), tagPath, JobSpecDefaults.MaxTagValueLength, errors);
            }
        }

        foreach (var required in RequiredTags)
        {
            if (!tags.TryGetProperty(required, out var value))
            {
                errors.Add(new SpecError($"{tagsPath}.{required}", "is required for cost attribution"));
            }
            else if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
            {
                errors.Add(new SpecError($"{tagsPath}.{required}", "must not be empty"));
            }
        }
    }

    private static void ValidateSchedule(JsonElement spec, string path, List<SpecError> errors)
    {
        if (OptionalString(spec, "schedule", path, errors) is not { } schedule)
        {
            return;
        }

        if (NightlySchedule.TryParse(schedule, out var problem) is null)
        {
            errors.Add(new SpecError($"{path}.schedule", problem!));
        }
    }

    private static void ValidateInput(JsonElement spec, string path, List<SpecError> errors)
    {
        if (!spec.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        InputSourceParser.Read(input, $"{path}.input", errors);
    }

    /// <summary>A value stored in a table column: bounded, and without control characters.</summary>
    private static void CheckColumn(string? value, string path, int maxLength, List<SpecError> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(new SpecError(path, $"must be at most {maxLength} characters, was {value.Length}"));
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(new SpecError(path, "must not contain control characters"));
        }
    }

    private static string? RequireString(JsonElement parent, string name, string path, List<SpecError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            errors.Add(new SpecError($"{path}.{name}", "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be a string, not {Describe(value)}"));
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new SpecError($"{path}.{name}", "must not be empty"));
            return null;
        }

        return text;
    }

    internal static string? OptionalString(JsonElement parent, string name, string path, List<SpecError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be a string, not {Describe(value)}"));
            return null;
        }

        return value.GetString();
    }

    internal static void OptionalInt(JsonElement parent, string name, int min, int max, string path, List<SpecError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be a whole number between {min} and {max}, not {Describe(value)}"));
            return;
        }

        if (number < min || number > max)
        {
            errors.Add(new SpecError($"{path}.{name}", $"must be between {min} and {max}, was {number}"));
        }
    }

    private static int IntOr(JsonElement parent, string name, int fallback) =>
        parent.TryGetProperty(name, out var value) ? value.GetInt32() : fallback;

    private static int? IntOrNull(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Truncate(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// A short, escaped prefix: an error about a value (a line of a file that is not a record, say) never echoes the
    /// whole of it, which could be a secret.
    /// </summary>
    private static string Truncate(string text)
    {
        var prefix = text.Length <= ShownValueLength ? text : text[..ShownValueLength];
        var escaped = string.Concat(prefix.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length <= ShownValueLength ? escaped : escaped + "…";
    }

    private const int ShownValueLength = 16;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex JobName();
}
