using System.Text.Json;
using FunctionsBatch.Simulator.Chat;

namespace FunctionsBatch.Simulator.Tests.Chat;

public sealed class ChatRequestParserTests
{
    [Fact]
    public void Parse_MaxCompletionTokensAndMaxTokens_PrefersMaxCompletionTokens()
    {
        var request = Parse("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":50,"max_completion_tokens":20}""");

        Assert.Equal(20, request.MaxTokens);
    }

    [Fact]
    public void Parse_AssistantWithNullContentAndImagePart_ReadsTextOnly()
    {
        var request = Parse("""
            {"messages":[
              {"role":"assistant","content":null},
              {"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}},{"type":"text","text":"describe"}]}
            ]}
            """);

        Assert.Equal(string.Empty, request.Messages[0].Content);
        Assert.Equal("describe", request.Messages[1].Content);
        Assert.Null(request.MaxTokens);
        Assert.Equal(ResponseFormatKind.Text, request.ResponseFormat);
    }

    [Fact]
    public void Parse_JsonSchemaFormat_KeepsSchema()
    {
        var request = Parse("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"o","strict":true,"schema":{"type":"object"}}}}""");

        Assert.Equal(ResponseFormatKind.JsonSchema, request.ResponseFormat);
        Assert.Equal("object", request.Schema!.Value.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"stream":true}""", "stream")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"n":2}""", "n")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text"}]}]}""", "messages[0].content[0].text")]
    public void Parse_Unsupported_ThrowsWithParam(string body, string param)
    {
        var ex = Assert.Throws<InvalidChatRequestException>(() => Parse(body));

        Assert.Equal(param, ex.Param);
    }

    private static ChatRequest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ChatRequestParser.Parse(document.RootElement);
    }
}
