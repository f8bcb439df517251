using FunctionsBatch.Core.Records;

namespace FunctionsBatch.Core.Tests.Records;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Read_HeaderAndRows_GivesOneJsonObjectPerRowWithLineNumbers()
    {
        using var reader = new StringReader("id,subject,body\nT-1,Hello,\"multi\nline, quoted\"\n\nT-2,x\nT-3,\"say \"\"hi\"\"\",b\n");
        var records = CsvRecordReader.Open(reader);

        var rows = new List<CsvRecord>();
        while (records.Read() is { } row)
        {
            rows.Add(row);
        }

        Assert.Equal([2, 5, 6], rows.Select(r => r.Line));
        Assert.Equal("{\"id\":\"T-1\",\"subject\":\"Hello\",\"body\":\"multi\\nline, quoted\"}", rows[0].Json);
        Assert.Equal("has 2 fields but the header has 3", rows[1].Problem);
        Assert.Equal("{\"id\":\"T-3\",\"subject\":\"say \\u0022hi\\u0022\",\"body\":\"b\"}", rows[2].Json);
    }

    [Theory]
    [InlineData("", "the CSV is empty")]
    [InlineData("subject,body\nA,B\n", "line 1: the header row has no 'id' column (columns: subject, body)")]
    [InlineData("id,id\n", "line 1: the header row names column 'id' more than once")]
    public void Open_BadHeader_ThrowsNamingTheLine(string csv, string message)
    {
        using var reader = new StringReader(csv);

        var ex = Assert.Throws<FormatException>(() => CsvRecordReader.Open(reader));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
