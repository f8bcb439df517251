using System.Text.Json;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// Turns a start-run body — <c>{"job": "name", "records": [...]}</c> or <c>{"spec": {...}, "records": [...]}</c>,
/// or with an <c>"input"</c> (see <see cref="InputSourceParser"/>) instead of records —
/// into a <see cref="StartRunRequest"/>, or every problem found, each with its JSON path.
/// </summary>
public static class StartRunRequestParser
{
    public static StartRunRequest Parse(JsonElement body, Func<string, JobSpec?> findJob, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(findJob);
        var errors = new List<SpecError>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new JobSpecException([new SpecError("$", $"the body must be a JSON object, not {JobSpecParser.Describe(body)}")]);
        }

        foreach (var property in body.EnumerateObject().Where(p => p.Name is not ("job" or "spec" or "records" or "input")))
        {
            errors.Add(new SpecError($"$.{property.Name}", "is not a known property (expected 'job' or 'spec', and 'records' or 'input')"));
        }

        var spec = ReadSpec(body, findJob, errors);
        var hasRecords = body.TryGetProperty("records", out var records);
        var source = body.TryGetProperty("input", out var input) ? InputSourceParser.Read(input, "$.input", errors) : null;
        if (hasRecords && input.ValueKind != JsonValueKind.Undefined)
        {
            errors.Add(new SpecError("$", "give either 'records' or 'input', not both"));
        }
        else if (hasRecords)
        {
            errors.AddRange(RecordValidator.Validate(records, "$.records", maxRecords));
        }
        else if (input.ValueKind == JsonValueKind.Undefined)
        {
            errors.Add(new SpecError("$.records", "is required (or 'input' naming a file, blob, blob prefix or queue)"));
        }

        if (errors.Count > 0)
        {
            throw new JobSpecException(errors);
        }

        return source is not null
            ? new StartRunRequest(spec!, [], source)
            : new StartRunRequest(spec!, records.EnumerateArray().Select(r => r.Clone()).ToArray());
    }

    private static JobSpec? ReadSpec(JsonElement body, Func<string, JobSpec?> findJob, List<SpecError> errors)
    {
        var hasJob = body.TryGetProperty("job", out var job);
        var hasSpec = body.TryGetProperty("spec", out var inline);
        switch (hasJob, hasSpec)
        {
            case (true, true):
                errors.Add(new SpecError("$", "give either 'job' (a shipped job name) or 'spec' (an inline spec), not both"));
                return null;
            case (false, false):
                errors.Add(new SpecError("$.job", "is required unless an inline 'spec' is given"));
                return null;
            case (true, false) when job.ValueKind != JsonValueKind.String:
                errors.Add(new SpecError("$.job", $"must be a job name string, not {JobSpecParser.Describe(job)}"));
                return null;
            case (true, false):
                var found = findJob(job.GetString()!);
                if (found is null)
                {
                    errors.Add(new SpecError("$.job", $"no job named \"{job.GetString()}\" is deployed"));
                }

                return found;
            default:
                var specErrors = JobSpecParser.Validate(inline, "$.spec");
                if (specErrors.Count > 0)
                {
                    errors.AddRange(specErrors);
                    return null;
                }

                return JobSpecParser.Parse(inline, "$.spec");
        }
    }
}
