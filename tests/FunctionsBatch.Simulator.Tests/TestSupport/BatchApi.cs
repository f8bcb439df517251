using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Simulator.Tests.TestSupport;

/// <summary>Files and Batches calls as the REST API documents them, over raw HTTP.</summary>
public sealed class BatchApi(HttpClient http)
{
    private const string Version = "?api-version=" + SimulatorClient.ApiVersion;

    /// <summary>One input line per user text: custom id <c>line-{i}</c>, a chat completion body for <paramref name="deployment"/>.</summary>
    public static string Jsonl(IEnumerable<string> users, string deployment = "gpt-4o-mini") =>
        string.Concat(users.Select((user, i) =>
        {
            var body = ChatBody.Create(user);
            body["model"] = deployment;
            return new JsonObject { ["custom_id"] = $"line-{i}", ["method"] = "POST", ["url"] = "/chat/completions", ["body"] = body }.ToJsonString() + "\n";
        }));

    public async Task<HttpResponseMessage> UploadAsync(string jsonl, string purpose = "batch", string apiKey = SimulatorFactory.ApiKey)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(purpose), "purpose" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(jsonl)), "file", "input.jsonl" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/openai/files" + Version) { Content = form };
        request.Headers.Add("api-key", apiKey);
        return await http.SendAsync(request);
    }

    public async Task<string> UploadFileAsync(string jsonl)
    {
        using var response = await UploadAsync(jsonl);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await SimulatorClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> CreateAsync(string inputFileId)
    {
        using var response = await SendAsync(HttpMethod.Post, "/openai/batches", new JsonObject
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = "/chat/completions",
            ["completion_window"] = "24h",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await SimulatorClient.ReadJsonAsync(response);
    }

    public async Task<JsonElement> GetAsync(string batchId)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/openai/batches/{batchId}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await SimulatorClient.ReadJsonAsync(response);
    }

    public async Task<JsonElement> CancelAsync(string batchId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/openai/batches/{batchId}/cancel");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await SimulatorClient.ReadJsonAsync(response);
    }

    /// <summary>The lines of a file, parsed, by custom id.</summary>
    public async Task<Dictionary<string, JsonElement>> LinesAsync(string? fileId)
    {
        if (fileId is null)
        {
            return [];
        }

        using var response = await SendAsync(HttpMethod.Get, $"/openai/files/{fileId}/content");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToDictionary(l => l.GetProperty("custom_id").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string apiKey = SimulatorFactory.ApiKey, bool withVersion = true)
    {
        using var request = new HttpRequestMessage(method, path + (withVersion ? Version : string.Empty));
        request.Headers.Add("api-key", apiKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }
}
