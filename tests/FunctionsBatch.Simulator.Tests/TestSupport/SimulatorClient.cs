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

    public Task<HttpResponseMessage> PostChatAsync(JsonNode body, string deployment = "gpt-4o-mini", string? apiKey = SimulatorFactory.ApiKey, string? fault = null) =>
        PostChatAsync(body.ToJsonString(), deployment, apiKey, fault);

    /// <param name="fault">The value of the x-sim-fault header, or null to send none.</param>
    public async Task<HttpResponseMessage> PostChatAsync(string body, string deployment = "gpt-4o-mini", string? apiKey = SimulatorFactory.ApiKey, string? fault = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/openai/deployments/{deployment}/chat/completions?api-version={ApiVersion}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Add("api-key", apiKey);
        }

        if (fault is not null)
        {
            request.Headers.Add("x-sim-fault", fault);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> CompleteAsync(JsonNode body, string deployment = "gpt-4o-mini", string? fault = null)
    {
        using var response = await PostChatAsync(body, deployment, fault: fault);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>How many faults of one kind (throttle, server_error, ...) /sim/stats reports.</summary>
    public static long Faults(JsonElement stats, string kind) => stats.GetProperty("faults").GetProperty(kind).GetInt64();

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
