using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Simulator.Tests.TestSupport;

/// <summary>Raw HTTP calls shaped like Azure.AI.OpenAI's, so the tests see exactly what goes over the wire.</summary>
public sealed class SimulatorClient(HttpClient http) : IDisposable
{
    public const string ApiVersion = "2024-10-21";

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostChatAsync(JsonNode body, string deployment = "gpt-4o-mini", string? apiKey = SimulatorFactory.ApiKey) =>
        PostChatAsync(body.ToJsonString(), deployment, apiKey);

    public async Task<HttpResponseMessage> PostChatAsync(string body, string deployment = "gpt-4o-mini", string? apiKey = SimulatorFactory.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/openai/deployments/{deployment}/chat/completions?api-version={ApiVersion}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("api-key", apiKey);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> CompleteAsync(JsonNode body, string deployment = "gpt-4o-mini")
    {
        using var response = await PostChatAsync(body, deployment);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<JsonElement> StatsAsync() => await http.GetFromJsonAsync<JsonElement>("/sim/stats");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string ContentOf(JsonElement completion) =>
        completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;

    public void Dispose() => http.Dispose();
}
