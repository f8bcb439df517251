using System.Text.Json;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// Reads the counters of a run summary or progress stored before <see cref="RunCounters"/> existed, when they were
/// flat fields (<c>succeeded</c>, <c>failed</c>, <c>usage</c>, …) with optional <c>online</c>/<c>batch</c> parts whose
/// fields have the names <see cref="RunCounters"/> has now. Runs finished before an upgrade keep their figures.
/// </summary>
public static class LegacyCounters
{
    public static ModeCounters Read(IReadOnlyDictionary<string, JsonElement>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            return ModeCounters.None;
        }

        var online = Part(fields, "online");
        var batch = Part(fields, "batch");
        if (online is null && batch is null)
        {
            var flat = JsonSerializer.SerializeToElement(fields).Deserialize<RunCounters>(JsonSerializerOptions.Web) ?? RunCounters.None;
            online = flat with { Records = flat.Succeeded + flat.Failed };
        }

        return new ModeCounters(online ?? RunCounters.None, batch ?? RunCounters.None);
    }

    private static RunCounters? Part(IReadOnlyDictionary<string, JsonElement> fields, string name)
    {
        var part = fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return part.ValueKind == JsonValueKind.Object ? part.Deserialize<RunCounters>(JsonSerializerOptions.Web) : null;
    }
}
