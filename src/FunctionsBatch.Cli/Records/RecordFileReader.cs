using System.Buffers;
using System.Globalization;
using System.Text.Json;

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
        var rows = new CsvRowReader(reader);
        var header = ReadHeader(path, rows);
        var buffer = new ArrayBufferWriter<byte>();
        while (rows.ReadRow() is { } row)
        {
            var location = "line " + rows.RowLine.ToString(CultureInfo.InvariantCulture);
            if (row is [""])
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                collector.AddProblem(location, $"has {row.Count} fields but the header has {header.Count}");
                continue;
            }

            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                for (var i = 0; i < header.Count; i++)
                {
                    writer.WriteString(header[i], row[i]);
                }

                writer.WriteEndObject();
            }

            collector.Add(JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan), location);
        }
    }

    private static IReadOnlyList<string> ReadHeader(string path, CsvRowReader rows)
    {
        var header = rows.ReadRow()?.Select(name => name.Trim()).ToArray()
                     ?? throw new CliException($"{path} is empty; a CSV input needs a header row with an 'id' column");
        if (header.Any(name => name.Length == 0))
        {
            throw new CliException($"{path}: the header row has an empty column name");
        }

        if (header.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new CliException($"{path}: the header row names column '{duplicate.Key}' more than once");
        }

        return header.Contains("id", StringComparer.Ordinal)
            ? header
            : throw new CliException($"{path}: the header row has no 'id' column (columns: {string.Join(", ", header)})");
    }
}
