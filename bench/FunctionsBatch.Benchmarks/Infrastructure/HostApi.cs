using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Client;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>The local host's runs API, with the function key, through the typed client.</summary>
public sealed class HostApi : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly RunsClient _client;

    public HostApi(string baseUrl, string functionKey)
    {
        _client = new RunsClient(_http, new Uri(baseUrl), functionKey);
    }

    /// <summary>POST /api/runs; returns the run id.</summary>
    public async Task<string> StartAsync(JsonObject body)
    {
        using var content = JsonContent.Create(body);
        return (await _client.StartAsync(content, CancellationToken.None).ConfigureAwait(false)).Id;
    }

    /// <summary>GET /api/runs/{id}; null while the host does not answer (killed, restarting).</summary>
    public async Task<RunStatus?> TryStatusAsync(string runId)
    {
        try
        {
            return RunStatus.From(await _client.GetStatusAsync(runId, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or ApiException)
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
        await foreach (var row in _client.ReadResultsAsync(runId, null, 1000, CancellationToken.None).ConfigureAwait(false))
        {
            rows++;
            ids.Add(row.GetProperty("recordId").GetString()!);
        }

        return (rows, ids.Count);
    }

    public void Dispose() => _http.Dispose();
}
