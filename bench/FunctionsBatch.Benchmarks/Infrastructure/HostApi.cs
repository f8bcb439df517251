using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>The local host's runs API, with the function key.</summary>
public sealed class HostApi : IDisposable
{
    private readonly HttpClient _http;

    public HostApi(string baseUrl, string functionKey)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(100) };
        _http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
    }

    /// <summary>POST /api/runs; returns the run id.</summary>
    public async Task<string> StartAsync(JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"POST /api/runs answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>GET /api/runs/{id}; null while the host does not answer (killed, restarting).</summary>
    public async Task<RunStatus?> TryStatusAsync(string runId)
    {
        try
        {
            var body = await _http.GetFromJsonAsync<JsonElement>(new Uri($"/api/runs/{Uri.EscapeDataString(runId)}", UriKind.Relative)).ConfigureAwait(false);
            return RunStatus.From(body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls until the run is Completed, Failed or Terminated.</summary>
    public async Task<RunStatus> WaitForFinishAsync(string runId, TimeSpan timeout, TimeSpan pollInterval, Action<RunStatus>? onPoll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await TryStatusAsync(runId).ConfigureAwait(false) is { } status)
            {
                onPoll?.Invoke(status);
                if (status.IsFinished)
                {
                    return status;
                }
            }

            await Task.Delay(pollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException($"Run {runId} did not finish within {timeout}.");
    }

    /// <summary>Polls until <paramref name="condition"/> holds (or the run finished).</summary>
    public async Task<RunStatus> WaitUntilAsync(string runId, Func<RunStatus, bool> condition, TimeSpan timeout, TimeSpan pollInterval)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await TryStatusAsync(runId).ConfigureAwait(false) is { } status && (condition(status) || status.IsFinished))
            {
                return status;
            }

            await Task.Delay(pollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException($"Run {runId} did not reach the condition within {timeout}.");
    }

    /// <summary>Pages through <c>GET /api/runs/{id}/results</c>: how many rows, and how many distinct record ids.</summary>
    public async Task<(int Rows, int DistinctIds)> CountResultsAsync(string runId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        string? continuation = null;
        do
        {
            var query = $"/api/runs/{Uri.EscapeDataString(runId)}/results?pageSize=1000"
                        + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation));
            var page = await _http.GetFromJsonAsync<JsonElement>(new Uri(query, UriKind.Relative)).ConfigureAwait(false);
            foreach (var row in page.GetProperty("results").EnumerateArray())
            {
                rows++;
                ids.Add(row.GetProperty("recordId").GetString()!);
            }

            continuation = page.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        }
        while (continuation is not null);

        return (rows, ids.Count);
    }

    public void Dispose() => _http.Dispose();
}
