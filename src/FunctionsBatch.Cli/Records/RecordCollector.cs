using System.Text.Json;
using FunctionsBatch.Core.Records;

namespace FunctionsBatch.Cli.Records;

/// <summary>
/// Gathers the records of one file and checks their ids as the API will, but reports problems by file line
/// (the location label, e.g. "line 12"), which is easier to act on than the API's <c>$.records[i]</c>.
/// </summary>
public sealed class RecordCollector(string path)
{
    private const int MaxReportedProblems = 20;

    private readonly List<JsonElement> _records = [];
    private readonly Dictionary<string, string> _seenIds = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private int _problemCount;

    public void Add(JsonElement record, string location)
    {
        if (RecordValidator.CheckId(record) is { } problem)
        {
            AddProblem(location, record.ValueKind == JsonValueKind.Object ? $"id {problem}" : problem);
            return;
        }

        var id = record.GetProperty("id").GetString()!;
        if (!_seenIds.TryAdd(id, location))
        {
            AddProblem(location, $"id \"{id}\" is already used ({_seenIds[id]})");
            return;
        }

        _records.Add(record);
    }

    public void AddProblem(string location, string message)
    {
        if (++_problemCount <= MaxReportedProblems)
        {
            _problems.Add($"{path}, {location}: {message}");
        }
    }

    public IReadOnlyList<JsonElement> ToRecords()
    {
        if (_problemCount > 0)
        {
            var details = _problemCount > MaxReportedProblems
                ? [.. _problems, $"... and {_problemCount - MaxReportedProblems} more"]
                : _problems;
            throw new CliException($"{path} has {_problemCount} bad record(s); nothing was sent", details);
        }

        return _records.Count > 0 ? _records : throw new CliException($"{path} holds no records");
    }
}
