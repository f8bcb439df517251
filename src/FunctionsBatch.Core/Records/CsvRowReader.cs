using System.Text;

namespace FunctionsBatch.Core.Records;

/// <summary>Reads RFC 4180 rows: comma-separated, fields optionally in double quotes ("" escapes a quote, line breaks allowed inside).</summary>
public sealed class CsvRowReader(TextReader reader)
{
    private int _line = 1;

    /// <summary>The file line the last row returned started on.</summary>
    public int RowLine { get; private set; }

    public IReadOnlyList<string>? ReadRow()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var readAny = false;
        RowLine = _line;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (inQuotes)
                {
                    throw new FormatException($"the quoted field that starts on line {RowLine} is never closed");
                }

                if (!readAny)
                {
                    return null;
                }

                fields.Add(field.ToString());
                return fields;
            }

            readAny = true;
            var c = (char)next;
            if (inQuotes)
            {
                ReadQuoted(c, field, ref inQuotes);
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    _line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(c);
                    break;
            }
        }
    }

    private void ReadQuoted(char c, StringBuilder field, ref bool inQuotes)
    {
        if (c != '"')
        {
            _line += c == '\n' ? 1 : 0;
            field.Append(c);
        }
        else if (reader.Peek() == '"')
        {
            reader.Read();
            field.Append('"');
        }
        else
        {
            inQuotes = false;
        }
    }
}
