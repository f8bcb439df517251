using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FunctionsBatch.Cli.Http;

/// <summary>The runs HTTP API: every call carries the function key; errors become <see cref="ApiException"/>.</summary>
public sealed class RunsClient(HttpClient http, ConnectionSettings connection)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(15);

    public ConnectionSettings Connection => connection;

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
        catch (CliException)
        {
        }
    }

    public async Task<StartedRunDto> StartAsync(StartRunContent content, CancellationToken cancellationToken)
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

    private static string RunPath(string runId) => "api/runs/" + Uri.EscapeDataString(runId);

    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";

    private static T Deserialize<T>(HttpRequestMessage request, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, CliJson.Options)
                   ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{Describe(request)} answered with something other than the runs API's JSON ({ex.Message}); is the host URL right?");
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relativePath)
    {
        var request = new HttpRequestMessage(method, new Uri(connection.Host, relativePath));
        if (connection.Key is not null)
        {
            request.Headers.Add("x-functions-key", connection.Key);
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
            return JsonSerializer.Deserialize<ApiErrorDto>(body, CliJson.Options) is { Message: not null } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
