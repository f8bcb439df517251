using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace FunctionsBatch.Core.Specs;

/// <summary>The spec's <c>mode</c>, <c>deadline</c> and <c>batch</c> fields, validated by JSON path like the rest of the spec.</summary>
internal static class BatchSpecParser
{
    private const double MaxDurationHours = 24 * 365;

    internal static readonly HashSet<string> KnownBatchProperties = new(StringComparer.Ordinal)
    {
        "resubmit", "maxResubmits", "pollInitialSeconds", "pollMaxSeconds", "quotaWaitSeconds", "expectedTurnaround", "onlineReserve",
    };

    public static void Validate(JsonElement spec, string path, List<SpecError> errors)
    {
        var mode = JobSpecParser.OptionalString(spec, "mode", path, errors);
        if (mode is not null && !RunModes.All.Contains(mode, StringComparer.Ordinal))
        {
            errors.Add(new SpecError($"{path}.mode", $"must be one of {string.Join(", ", RunModes.All.Select(m => $"\"{m}\""))}, was \"{mode}\""));
        }

        if (spec.TryGetProperty("deadline", out var deadline))
        {
            CheckDuration(deadline, $"{path}.deadline", errors);
        }
        else if (mode == RunModes.Auto)
        {
            errors.Add(new SpecError($"{path}.deadline", "is required when mode is \"auto\", e.g. \"PT24H\" or a number of hours"));
        }

        if (spec.TryGetProperty("throttleWait", out var throttleWait))
        {
            CheckDuration(throttleWait, $"{path}.throttleWait", errors);
        }

        ValidateBatch(spec, path, errors);
    }

    public static BatchOptions Read(JsonElement spec)
    {
        var defaults = BatchOptions.Default;
        if (!spec.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Object)
        {
            return defaults;
        }

        return new BatchOptions(
            batch.TryGetProperty("resubmit", out var resubmit) ? resubmit.GetString()! : defaults.Resubmit,
            batch.TryGetProperty("maxResubmits", out var max) ? max.GetInt32() : defaults.MaxResubmits,
            Seconds(batch, "pollInitialSeconds") ?? defaults.PollInitial,
            Seconds(batch, "pollMaxSeconds") ?? defaults.PollMax,
            Seconds(batch, "quotaWaitSeconds") ?? defaults.QuotaWait,
            batch.TryGetProperty("expectedTurnaround", out var turnaround) ? ReadDuration(turnaround) : defaults.ExpectedTurnaround,
            batch.TryGetProperty("onlineReserve", out var reserve) ? ReadDuration(reserve) : defaults.OnlineReserve);
    }

    /// <summary>An ISO-8601 duration string (<c>"PT24H"</c>) or a number of hours; call only on a validated value.</summary>
    public static TimeSpan ReadDuration(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? TimeSpan.FromHours(value.GetDouble())
        : XmlConvert.ToTimeSpan(value.GetString()!);

    private static void ValidateBatch(JsonElement spec, string path, List<SpecError> errors)
    {
        if (!spec.TryGetProperty("batch", out var batch))
        {
            return;
        }

        var batchPath = $"{path}.batch";
        if (batch.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(batchPath, $"must be an object like {{\"resubmit\": \"online\"}}, not {JobSpecParser.Describe(batch)}"));
            return;
        }

        foreach (var property in batch.EnumerateObject().Where(p => !KnownBatchProperties.Contains(p.Name)))
        {
            errors.Add(new SpecError($"{batchPath}.{property.Name}", $"is not a known batch property (expected {string.Join(", ", KnownBatchProperties)})"));
        }

        if (JobSpecParser.OptionalString(batch, "resubmit", batchPath, errors) is { } resubmit
            && resubmit is not (BatchResubmit.Online or BatchResubmit.Batch))
        {
            errors.Add(new SpecError($"{batchPath}.resubmit", $"must be \"online\" or \"batch\", was \"{resubmit}\""));
        }

        JobSpecParser.OptionalInt(batch, "maxResubmits", 0, BatchOptions.MaxResubmitsLimit, batchPath, errors);
        JobSpecParser.OptionalInt(batch, "pollInitialSeconds", 1, 86_400, batchPath, errors);
        JobSpecParser.OptionalInt(batch, "pollMaxSeconds", 1, 86_400, batchPath, errors);
        JobSpecParser.OptionalInt(batch, "quotaWaitSeconds", 1, 86_400, batchPath, errors);
        if (batch.TryGetProperty("pollInitialSeconds", out var initial) && initial.TryGetInt32(out var first)
            && batch.TryGetProperty("pollMaxSeconds", out var max) && max.TryGetInt32(out var cap) && cap < first)
        {
            errors.Add(new SpecError($"{batchPath}.pollMaxSeconds", $"must not be less than pollInitialSeconds ({first}), was {cap}"));
        }

        if (batch.TryGetProperty("expectedTurnaround", out var turnaround))
        {
            CheckDuration(turnaround, $"{batchPath}.expectedTurnaround", errors);
        }

        if (batch.TryGetProperty("onlineReserve", out var reserve))
        {
            CheckDuration(reserve, $"{batchPath}.onlineReserve", errors, allowZero: true);
        }
    }

    private static void CheckDuration(JsonElement value, string path, List<SpecError> errors, bool allowZero = false)
    {
        TimeSpan duration;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                var hours = value.GetDouble();
                if (hours > MaxDurationHours)
                {
                    errors.Add(new SpecError(path, string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxDurationHours} hours, was {value.GetRawText()}")));
                    return;
                }

                duration = TimeSpan.FromHours(hours);
                break;
            case JsonValueKind.String:
                try
                {
                    duration = XmlConvert.ToTimeSpan(value.GetString()!);
                }
                catch (FormatException)
                {
                    errors.Add(new SpecError(path, $"must be an ISO-8601 duration like \"PT24H\" or a number of hours, was {JobSpecParser.Describe(value)}"));
                    return;
                }
                catch (OverflowException)
                {
                    errors.Add(new SpecError(path, $"is too long, was {JobSpecParser.Describe(value)}"));
                    return;
                }

                if (duration.TotalHours > MaxDurationHours)
                {
                    errors.Add(new SpecError(path, string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxDurationHours} hours, was {JobSpecParser.Describe(value)}")));
                    return;
                }

                break;
            default:
                errors.Add(new SpecError(path, $"must be an ISO-8601 duration like \"PT24H\" or a number of hours, not {JobSpecParser.Describe(value)}"));
                return;
        }

        if (duration < TimeSpan.Zero || (duration == TimeSpan.Zero && !allowZero))
        {
            errors.Add(new SpecError(path, allowZero ? "must not be negative" : "must be longer than zero"));
        }
    }

    private static TimeSpan? Seconds(JsonElement batch, string name) =>
        batch.TryGetProperty(name, out var value) ? TimeSpan.FromSeconds(value.GetInt32()) : null;
}
