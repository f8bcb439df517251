using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>
/// The run API as the tests use it: the typed client library (<see cref="FunctionsBatch.Client.RunsClient"/>) underneath,
/// and the status as the JSON the API wrote, since the tests read fields its types leave out.
/// </summary>
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
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return (await Library(http).StartAsync(content, CancellationToken.None).ConfigureAwait(false)).Id;
    }

    /// <summary>Starts a run of the spec over the first <paramref name="take"/> sample tickets and waits for it to finish.</summary>
    public static async Task<(string RunId, JsonElement Status)> RunSampleAsync(HttpClient http, JsonObject spec, int take, TimeSpan timeout)
    {
        var runId = await StartAsync(http, new JsonObject
        {
            ["spec"] = spec,
            ["records"] = new JsonArray(ReadRecords("samples/tickets.jsonl", take).Select(r => r.DeepClone()).ToArray()),
        }).ConfigureAwait(false);
        return (runId, await WaitForFinishAsync(http, runId, timeout).ConfigureAwait(false));
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string runId)
    {
        var (_, json) = await Library(http).GetStatusWithJsonAsync(runId, CancellationToken.None).ConfigureAwait(false);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> WaitForFinishAsync(HttpClient http, string runId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await Library(http).WaitForFinishAsync(runId, TimeSpan.FromMilliseconds(500), null, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Run {runId} did not finish within {timeout}; last status: {await GetAsync(http, runId).ConfigureAwait(false)}");
        }

        return await GetAsync(http, runId).ConfigureAwait(false);
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

    /// <summary>The stack's client already carries the function key.</summary>
    private static FunctionsBatch.Client.RunsClient Library(HttpClient http) => new(http, http.BaseAddress!, functionKey: null);
}
