using System.Text.Json;
using Json.Schema;

namespace FunctionsBatch.Core.Validation;

/// <summary>Checks a model's output against the job's JSON Schema, with a message fit to send back in a re-ask.</summary>
public sealed class OutputSchemaValidator
{
    private const int MaxReportedErrors = 5;
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };
    private readonly JsonSchema _schema;

    public OutputSchemaValidator(JsonElement schema)
    {
        _schema = JsonSchema.Build(schema);
    }

    /// <summary>Null when the text is a JSON value valid against the schema; otherwise why not.</summary>
    public string? Check(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return "the output is empty";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException ex)
        {
            return $"the output is not valid JSON: {ex.Message}";
        }

        using (document)
        {
            var result = _schema.Evaluate(document.RootElement, Options);
            if (result.IsValid)
            {
                return null;
            }

            var problems = (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxReportedErrors)
                .ToArray();
            return problems.Length == 0 ? "the output does not match the schema" : string.Join("; ", problems);
        }
    }
}
