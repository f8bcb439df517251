using System.Text.Json;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Http;

/// <summary>Reads the Azure OpenAI simulator's counters. The function key is never sent here.</summary>
public sealed class SimulatorClient(HttpClient http, Uri baseUrl)
{
    public async Task<SimulatorStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        var uri = new Uri(baseUrl, "sim/stats");
        using var response = await http.GetAsync(uri, deadline.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException($"GET {uri.AbsolutePath}", response.StatusCode, response.ReasonPhrase, null, body);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return new SimulatorStats(Read(root, "promptTokens"), Read(root, "completionTokens"), ReadOptional(root, "requests"));
    }

    private static long? ReadOptional(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static long Read(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.TryGetInt64(out var number)
            ? number
            : throw new JsonException($"the simulator's stats have no numeric '{name}'");
}
