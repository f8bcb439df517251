using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>The simulator's <c>/sim/*</c> admin routes.</summary>
public sealed class SimulatorApi(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public string BaseUrl { get; } = baseUrl;

    public async Task<SimStats> StatsAsync() =>
        SimStats.From(await _http.GetFromJsonAsync<JsonElement>(new Uri("/sim/stats", UriKind.Relative)).ConfigureAwait(false));

    /// <summary>Zeroes the counters and refills every rate limit bucket.</summary>
    public async Task ResetAsync()
    {
        using var response = await _http.PostAsync(new Uri("/sim/reset", UriKind.Relative), null).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task ConfigureAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/sim/config", UriKind.Relative), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
