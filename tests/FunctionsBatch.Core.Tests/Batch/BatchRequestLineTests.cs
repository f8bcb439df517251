using System.Text;
using System.Text.Json;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Tests.Batch;

public sealed class BatchRequestLineTests
{
    private static readonly ChatMessageText[] Messages = [new("system", "Classify."), new("user", "Ticket \"é\" line\nnext")];

    [Fact]
    public void Write_WithSchema_WritesOneJsonLineWithTheChatCompletionBody()
    {
        using var buffer = new MemoryStream();
        var schema = JsonDocument.Parse("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"}}}""").RootElement;

        BatchRequestLine.Write(buffer, "c0-r1", "gpt-4o-mini-batch", Messages, 200, schema, "classify tickets");

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.TrimEnd('\n').Split('\n'));
        using var line = JsonDocument.Parse(text);
        var root = line.RootElement;
        Assert.Equal(("c0-r1", "POST", "/chat/completions"), (root.GetProperty("custom_id").GetString(), root.GetProperty("method").GetString(), root.GetProperty("url").GetString()));
        var body = root.GetProperty("body");
        Assert.Equal("gpt-4o-mini-batch", body.GetProperty("model").GetString());
        Assert.Equal(200, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(Messages, body.GetProperty("messages").EnumerateArray().Select(m => new ChatMessageText(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)));
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(("classify_tickets", true), (format.GetProperty("json_schema").GetProperty("name").GetString(), format.GetProperty("json_schema").GetProperty("strict").GetBoolean()));
        Assert.Equal("string", format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("a").GetProperty("type").GetString());
    }

    [Fact]
    public void Write_TwoLinesWithoutSchema_AreTwoLinesWithoutResponseFormat()
    {
        using var buffer = new MemoryStream();

        BatchRequestLine.Write(buffer, "c0-r0", "d", Messages, 10, null, "x");
        BatchRequestLine.Write(buffer, "c0-r1", "d", Messages, 10, null, "x");

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.False(JsonDocument.Parse(l).RootElement.GetProperty("body").TryGetProperty("response_format", out _)));
    }
}
