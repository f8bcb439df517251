using System.Globalization;
using System.Text.Json;
using FunctionsBatch.Core.Records;

namespace FunctionsBatch.Cli.Records;

/// <summary>Reads the records of a run from JSON lines, CSV (header row, string fields) or a JSON array, chosen by extension.</summary>
public static class RecordFileReader
{
    public static IReadOnlyList<JsonElement> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CliException($"the input file '{path}' does not exist");
        }

        var collector = new RecordCollector(path);
        try
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".jsonl" or ".ndjson":
                    ReadJsonLines(path, collector);
                    break;
                case ".csv":
                    ReadCsv(path, collector);
                    break;
                case ".json":
                    ReadJsonArray(path, collector);
                    break;
                default:
                    throw new CliException($"cannot tell the format of '{path}': use a .jsonl, .ndjson, .csv or .json file");
            }
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read '{path}': {ex.Message}");
        }
        catch (FormatException ex)
        {
            throw new CliException($"{path}: {ex.Message}");
        }

        return collector.ToRecords();
    }

    private static void ReadJsonLines(string path, RecordCollector collector)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = "line " + lineNumber.ToString(CultureInfo.InvariantCulture);
            try
            {
                collector.Add(JsonSerializer.Deserialize<JsonElement>(line), location);
            }
            catch (JsonException ex)
            {
                collector.AddProblem(location, $"not valid JSON ({ex.Message})");
            }
        }
    }

    private static void ReadJsonArray(string path, RecordCollector collector)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path} is not valid JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CliException($"{path} must hold a JSON array of record objects (or use .jsonl for one object per line)");
        }

        var index = 0;
        foreach (var record in root.EnumerateArray())
        {
            collector.Add(record, $"record [{index++}]");
        }
    }

    private static void ReadCsv(string path, RecordCollector collector)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var records = CsvRecordReader.Open(reader);
        while (records.Read() is { } row)
        {
            var location = "line " + row.Line.ToString(CultureInfo.InvariantCulture);
            if (row.Problem is not null)
            {
                collector.AddProblem(location, row.Problem);
                continue;
            }

            collector.Add(JsonSerializer.Deserialize<JsonElement>(row.Json!), location);
        }
    }
}
