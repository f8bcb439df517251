using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FunctionsBatch.Client;

/// <summary>
/// A typed client of the FunctionsBatch runs HTTP API (the Function App or the local host): start, status, wait,
/// results, cancel, retry-failed, costs and the report. Every call carries the function key (<c>x-functions-key</c>)
/// when one is given; error answers become <see cref="ApiException"/> with the problem document's code and details.
/// </summary>
public sealed class RunsClient(HttpClient http, Uri host, string? functionKey)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The host's base address, e.g. <c>https://my-app.azurewebsites.net/</c>.</summary>
    public Uri Host => host;

    /// <summary>
    /// Asks for a run that cannot exist: a JSON 404 proves the host serves the runs API and accepts the key,
    /// before a body of many megabytes is sent. Throws on a refused key; other answers are left to the real call.
    /// </summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GetStatusWithJsonAsync("fbatch-access-check", cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
        }
    }

    /// <summary>Starts a run from a start body (see <see cref="StartRunContent"/> for records read from a file).</summary>
    public async Task<StartedRunDto> StartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "api/runs");
        request.Content = content;

        // The host can refuse (bad key, too large) before reading a body of many megabytes.
        request.Headers.ExpectContinue = true;
        return Deserialize<StartedRunDto>(request, await SendAsync(request, UploadTimeout, cancellationToken).ConfigureAwait(false));
    }

    public async Task<RunStatusDto> GetStatusAsync(string runId, CancellationToken cancellationToken) =>
        (await GetStatusWithJsonAsync(runId, cancellationToken).ConfigureAwait(false)).Status;

    /// <summary>The status, and the body as the API wrote it (for <c>--json</c>).</summary>
    public async Task<(RunStatusDto Status, string Json)> GetStatusWithJsonAsync(string runId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, RunPath(runId));
        var json = await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false);
        return (Deserialize<RunStatusDto>(request, json), json);
    }

    public async Task<StartedRunDto> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, RunPath(runId) + "/cancel");
        return Deserialize<StartedRunDto>(request, await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ResultsPageDto> GetResultsPageAsync(string runId, string? status, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new StringBuilder(RunPath(runId)).Append("/results");
        var separator = '?';
        foreach (var (name, value) in new[] { ("status", status), ("pageSize", pageSize?.ToString(CultureInfo.InvariantCulture)), ("continuationToken", continuationToken) })
        {
            if (value is not null)
            {
                query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        using var request = NewRequest(HttpMethod.Get, query.ToString());
        return Deserialize<ResultsPageDto>(request, await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every result of a run, following continuation tokens page by page.</summary>
    public async IAsyncEnumerable<JsonElement> ReadResultsAsync(string runId, string? status, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await GetResultsPageAsync(runId, status, pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var result in page.Results ?? [])
            {
                yield return result;
            }

            token = page.ContinuationToken == token && token is not null
                ? throw new ApiException($"the API returned the same continuation token twice for run {runId}; stopping")
                : page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Polls the run's status every <paramref name="pollInterval"/> until it has finished.</summary>
    public async Task<RunStatusDto> WaitForFinishAsync(string runId, TimeSpan pollInterval, Action<RunStatusDto>? onPoll, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await GetStatusAsync(runId, cancellationToken).ConfigureAwait(false);
            onPoll?.Invoke(status);
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a run over the failed records of a finished run (<c>retryOf</c> links the two).</summary>
    public async Task<StartedRunDto> RetryFailedAsync(string runId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, RunPath(runId) + "/retry-failed");
        return Deserialize<StartedRunDto>(request, await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The cost rows between two times summed by <paramref name="groupBy"/> (job, tenant, feature, model, promptVersion or mode), as the API wrote them.</summary>
    public async Task<JsonElement> GetCostsAsync(DateTimeOffset from, DateTimeOffset to, string groupBy, CancellationToken cancellationToken)
    {
        var query = $"api/costs?from={Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&groupBy={Uri.EscapeDataString(groupBy)}";
        using var request = NewRequest(HttpMethod.Get, query);
        return Deserialize<JsonElement>(request, await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The run report: a self-contained HTML page.</summary>
    public async Task<string> GetReportAsync(string runId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, RunPath(runId) + "/report");
        return await SendAsync(request, QueryTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static string RunPath(string runId) => "api/runs/" + Uri.EscapeDataString(runId);

    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";

    private static T Deserialize<T>(HttpRequestMessage request, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, ClientJson.Options)
                   ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new ApiException($"{Describe(request)} answered with something other than the runs API's JSON ({ex.Message}); is the host URL right?");
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relativePath)
    {
        var request = new HttpRequestMessage(method, new Uri(host, relativePath));
        if (functionKey is not null)
        {
            request.Headers.Add("x-functions-key", functionKey);
        }

        return request;
    }

    private async Task<string> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(Describe(request), response.StatusCode, response.ReasonPhrase, TryReadError(body), body);
            }

            return body;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Describe(request)} got no answer within {timeout.TotalSeconds:0} s");
        }
    }

    private static ApiErrorDto? TryReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiErrorDto>(body, ClientJson.Options) is { Message: not null } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
