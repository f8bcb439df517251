using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FunctionsBatch.Core.Records;

/// <summary>
/// Turns CSV with a header row into records, one row at a time (nothing is held but the current row): each
/// column becomes a string field named by the header, which must name an <c>id</c> column.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly CsvRowReader _rows;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    private CsvRecordReader(CsvRowReader rows, IReadOnlyList<string> header)
    {
        _rows = rows;
        Header = header;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Reads and checks the header row.</summary>
    /// <exception cref="FormatException">The input is empty, or the header lacks an <c>id</c> column, has an empty or a repeated name.</exception>
    public static CsvRecordReader Open(TextReader reader)
    {
        var rows = new CsvRowReader(reader);
        var header = rows.ReadRow()?.Select(name => name.Trim()).ToArray()
                     ?? throw new FormatException("the CSV is empty; a CSV input needs a header row with an 'id' column");
        if (header.Any(name => name.Length == 0))
        {
            throw new FormatException("line 1: the header row has an empty column name");
        }

        if (header.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new FormatException($"line 1: the header row names column '{duplicate.Key}' more than once");
        }

        return header.Contains("id", StringComparer.Ordinal)
            ? new CsvRecordReader(rows, header)
            : throw new FormatException($"line 1: the header row has no 'id' column (columns: {string.Join(", ", header)})");
    }

    /// <summary>The next data row, skipping blank lines; null at the end.</summary>
    /// <exception cref="FormatException">A quoted field is never closed.</exception>
    public CsvRecord? Read()
    {
        while (_rows.ReadRow() is { } row)
        {
            if (row is [""])
            {
                continue;
            }

            if (row.Count != Header.Count)
            {
                return new CsvRecord(_rows.RowLine, null, $"has {row.Count} fields but the header has {Header.Count}");
            }

            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer))
            {
                writer.WriteStartObject();
                for (var i = 0; i < Header.Count; i++)
                {
                    writer.WriteString(Header[i], row[i]);
                }

                writer.WriteEndObject();
            }

            return new CsvRecord(_rows.RowLine, Encoding.UTF8.GetString(_buffer.WrittenSpan), null);
        }

        return null;
    }
}
