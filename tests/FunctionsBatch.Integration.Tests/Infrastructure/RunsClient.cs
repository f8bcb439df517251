using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>The run API as the tests use it.</summary>
public static class RunsClient
{
    public static IReadOnlyList<JsonObject> ReadRecords(string relativePath, int? take = null)
    {
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, relativePath)).Where(l => !string.IsNullOrWhiteSpace(l));
        if (take is { } count)
        {
            lines = lines.Take(count);
        }

        return lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
    }

    public static async Task<string> StartAsync(HttpClient http, JsonObject body)
    {
        using var response = await PostJsonAsync(http, "/api/runs", body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"start answered {(int)response.StatusCode}: {text}");
        Assert.NotNull(response.Headers.Location);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string runId) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/runs/{Uri.EscapeDataString(runId)}").ConfigureAwait(false);

    public static async Task<JsonElement> WaitForFinishAsync(HttpClient http, string runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement status = default;
        while (DateTime.UtcNow < deadline)
        {
            status = await GetAsync(http, runId).ConfigureAwait(false);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated")
            {
                return status;
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        throw new TimeoutException($"Run {runId} did not finish within {timeout}; last status: {status}");
    }

    public static async Task<JsonElement> WaitUntilAsync(HttpClient http, string runId, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await GetAsync(http, runId).ConfigureAwait(false);
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"Run {runId} did not reach the expected state within {timeout}.");
    }
}
