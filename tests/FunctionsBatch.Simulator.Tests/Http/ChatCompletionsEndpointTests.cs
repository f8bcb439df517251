using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Tests.TestSupport;
using Json.Schema;

namespace FunctionsBatch.Simulator.Tests.Http;

public sealed class ChatCompletionsEndpointTests : IDisposable
{
    private const string Ticket = "Subject: Export produces empty file\nChannel: web\n\nExporting from the ticket list gives us an empty file with only the header row. We found a workaround, but the bug is confusing our new hires.";

    private readonly SimulatorFactory _factory = new();
    private readonly SimulatorClient _client;

    public ChatCompletionsEndpointTests() => _client = _factory.CreateSimulatorClient();

    [Fact]
    public async Task PostChatCompletion_ValidRequest_ReturnsAzureShapedCompletion()
    {
        using var response = await _client.PostChatAsync(ChatBody.Create(Ticket));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("apim-request-id"));
        var completion = await SimulatorClient.ReadJsonAsync(response);
        Assert.StartsWith("chatcmpl-", completion.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", completion.GetProperty("object").GetString());
        Assert.True(completion.GetProperty("created").GetInt64() > 1_700_000_000);
        Assert.Equal("gpt-4o-mini", completion.GetProperty("model").GetString());
        var choice = completion.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(choice.GetProperty("message").GetProperty("content").GetString()));
        var usage = completion.GetProperty("usage");
        Assert.Equal(0, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
    }

    [Fact]
    public async Task PostChatCompletion_AnyRequest_UsageEqualsChatTokenCounter()
    {
        var completion = await _client.CompleteAsync(ChatBody.Create(Ticket, responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification)));

        var usage = completion.GetProperty("usage");
        var expectedPrompt = ChatTokenCounter.CountPromptTokens([new ChatMessageText("system", ChatBody.System), new ChatMessageText("user", Ticket)]);
        var expectedCompletion = ChatTokenCounter.CountText(SimulatorClient.ContentOf(completion));
        Assert.Equal(expectedPrompt, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(expectedCompletion, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(expectedPrompt + expectedCompletion, usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task PostChatCompletion_ContentAsTextParts_CountsLikeStringContent()
    {
        var body = JsonNode.Parse("""
            {"messages":[{"role":"user","content":[{"type":"text","text":"Hello "},{"type":"text","text":"world"}]}],"max_completion_tokens":50}
            """)!;

        var completion = await _client.CompleteAsync(body);

        var expected = ChatTokenCounter.CountPromptTokens([new ChatMessageText("user", "Hello world")]);
        Assert.Equal(expected, completion.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("json_object")]
    [InlineData("json_schema")]
    public async Task PostChatCompletion_SameMessagesTwice_ReturnsSameContent(string? format)
    {
        var responseFormat = format switch
        {
            "json_object" => new JsonObject { ["type"] = "json_object" },
            "json_schema" => ChatBody.JsonSchemaFormat(Schemas.Extraction),
            _ => null,
        };

        var first = await _client.CompleteAsync(ChatBody.Create(Ticket, responseFormat: responseFormat));
        using var otherFactory = new SimulatorFactory();
        using var otherClient = otherFactory.CreateSimulatorClient();
        var second = await otherClient.CompleteAsync(ChatBody.Create(Ticket, responseFormat: responseFormat?.DeepClone()));

        Assert.Equal(SimulatorClient.ContentOf(first), SimulatorClient.ContentOf(second));
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostChatCompletion_DifferentMessages_ReturnsDifferentContent()
    {
        var first = await _client.CompleteAsync(ChatBody.Create(Ticket, responseFormat: ChatBody.JsonSchemaFormat(Schemas.Extraction)));
        var second = await _client.CompleteAsync(ChatBody.Create(Ticket + " Thanks.", responseFormat: ChatBody.JsonSchemaFormat(Schemas.Extraction)));

        Assert.NotEqual(SimulatorClient.ContentOf(first), SimulatorClient.ContentOf(second));
    }

    [Theory]
    [InlineData(Schemas.Classification)]
    [InlineData(Schemas.Extraction)]
    public async Task PostChatCompletion_JsonSchemaFormat_ContentValidatesAgainstSchema(string schema)
    {
        var validator = JsonSchema.FromText(schema);
        for (var i = 0; i < 20; i++)
        {
            var completion = await _client.CompleteAsync(ChatBody.Create($"{Ticket} Ticket number {i}.", responseFormat: ChatBody.JsonSchemaFormat(schema)));

            var content = SimulatorClient.ContentOf(completion);
            using var document = JsonDocument.Parse(content);
            var result = validator.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, content);
        }
    }

    [Theory]
    [InlineData("The export is broken and it looks like a bug. This is urgent for us.", "bug", "urgent")]
    [InlineData("Please refund the invoice, this is a billing mistake with medium impact.", "billing", "medium")]
    [InlineData("I have a feature request for dark mode. Priority low.", "feature_request", "low")]
    public async Task PostChatCompletion_EnumValueMentionedByUser_PrefersMentionedValue(string user, string category, string priority)
    {
        var completion = await _client.CompleteAsync(ChatBody.Create(user, responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification)));

        using var content = JsonDocument.Parse(SimulatorClient.ContentOf(completion));
        Assert.Equal(category, content.RootElement.GetProperty("category").GetString());
        Assert.Equal(priority, content.RootElement.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task PostChatCompletion_JsonObjectFormat_ReturnsJsonObject()
    {
        var completion = await _client.CompleteAsync(ChatBody.Create(Ticket, responseFormat: new JsonObject { ["type"] = "json_object" }));

        using var content = JsonDocument.Parse(SimulatorClient.ContentOf(completion));
        Assert.Equal(JsonValueKind.Object, content.RootElement.ValueKind);
    }

    [Fact]
    public async Task PostChatCompletion_MaxTokensBelowReply_TruncatesWithinLimitAndFinishesWithLength()
    {
        var completion = await _client.CompleteAsync(ChatBody.Create(Ticket, maxTokens: 5, responseFormat: ChatBody.JsonSchemaFormat(Schemas.Classification)));

        var choice = completion.GetProperty("choices")[0];
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        var tokens = completion.GetProperty("usage").GetProperty("completion_tokens").GetInt32();
        Assert.InRange(tokens, 1, 5);
        Assert.Equal(ChatTokenCounter.CountText(SimulatorClient.ContentOf(completion)), tokens);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task PostChatCompletion_MissingOrWrongKey_Returns401AzureError(string? apiKey)
    {
        using var response = await _client.PostChatAsync(ChatBody.Create(Ticket), apiKey: apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await SimulatorClient.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("401", error.GetProperty("code").GetString());
        Assert.Contains("Access denied", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChatCompletion_BearerToken_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21")
        {
            Content = new StringContent(ChatBody.Create(Ticket).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SimulatorFactory.ApiKey);

        using var response = await _client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "BadRequest")]
    [InlineData("", "BadRequest")]
    [InlineData("[]", "BadRequest")]
    [InlineData("""{"max_tokens":10}""", "missing_required_parameter")]
    [InlineData("""{"messages":[]}""", "invalid_value")]
    [InlineData("""{"messages":[{"content":"hi"}]}""", "missing_required_parameter")]
    [InlineData("""{"messages":[{"role":"robot","content":"hi"}]}""", "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":42}]}""", "invalid_type")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"temperature":3}""", "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"xml"}}""", "invalid_value")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema"}}""", "missing_required_parameter")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"$ref":"#/$defs/missing"}}}}""", "invalid_value")]
    public async Task PostChatCompletion_MalformedBody_Returns400AzureError(string body, string code)
    {
        using var response = await _client.PostChatAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await SimulatorClient.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task PostChatCompletion_PromptAndMaxTokensBeyondContextWindow_Returns400ContextLengthExceeded()
    {
        using var response = await _client.PostChatAsync(ChatBody.Create(Ticket, maxTokens: 128_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await SimulatorClient.ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("context_length_exceeded", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetUnknownRoute_Any_Returns404AzureError()
    {
        using var response = await _client.Http.GetAsync(new Uri("/openai/models", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", (await SimulatorClient.ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetHealthz_Running_Returns200()
    {
        using var response = await _client.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
