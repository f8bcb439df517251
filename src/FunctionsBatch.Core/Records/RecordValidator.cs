using System.Text.Json;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Records;

/// <summary>
/// Checks the records of a request before anything is staged: objects with a unique, non-empty string
/// <c>id</c> that is a legal Table Storage row key. Reports every bad record (up to a limit), by path.
/// </summary>
public static class RecordValidator
{
    public const int MaxIdLength = 255;
    private const int MaxReportedErrors = 50;

    public static IReadOnlyList<SpecError> Validate(JsonElement records, string path, int maxRecords)
    {
        var errors = new List<SpecError>();
        if (records.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new SpecError(path, $"must be an array of record objects, not {JobSpecParser.Describe(records)}"));
            return errors;
        }

        var count = records.GetArrayLength();
        if (count == 0)
        {
            errors.Add(new SpecError(path, "must hold at least one record"));
            return errors;
        }

        if (count > maxRecords)
        {
            errors.Add(new SpecError(path, $"holds {count} records; one request may carry at most {maxRecords} (use a file or blob input for more)"));
            return errors;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (CheckRecord(record, $"{path}[{index}]", seen, index) is { } error)
            {
                errors.Add(error);
                if (errors.Count >= MaxReportedErrors)
                {
                    errors.Add(new SpecError(path, $"more problems not listed (stopped after {MaxReportedErrors})"));
                    break;
                }
            }

            index++;
        }

        return errors;
    }

    /// <summary>The problem with one record's id, or null when it is fine.</summary>
    public static string? CheckId(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return $"a record must be a JSON object, not {JobSpecParser.Describe(record)}";
        }

        if (!record.TryGetProperty("id", out var id))
        {
            return "is required";
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            return $"must be a string, not {JobSpecParser.Describe(id)}";
        }

        if (JsonTextCheck.FindInvalid(id, "id") is not null)
        {
            return JsonTextCheck.Problem;
        }

        var text = id.GetString()!;
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            return "must not be empty";
        }

        if (text.Length > MaxIdLength)
        {
            return $"must be at most {MaxIdLength} characters, was {text.Length}";
        }

        if (text.Any(TableKeys.IsForbidden))
        {
            return "must not contain '/', '\\', '#', '?' or control characters (it becomes a Table Storage row key)";
        }

        return null;
    }

    private static SpecError? CheckRecord(JsonElement record, string recordPath, Dictionary<string, int> seen, int index)
    {
        if (CheckId(record) is { } problem)
        {
            return record.ValueKind == JsonValueKind.Object
                ? new SpecError($"{recordPath}.id", problem)
                : new SpecError(recordPath, problem);
        }

        var id = record.GetProperty("id").GetString()!;
        if (!seen.TryAdd(id, index))
        {
            return new SpecError($"{recordPath}.id", $"duplicates the id \"{id}\" of record {seen[id]}");
        }

        return null;
    }
}
