using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure.Core;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// The Azure OpenAI Files and Batches REST API (<c>/openai/files</c>, <c>/openai/batches</c>) over one shared
/// <see cref="HttpClient"/>, with an <c>api-key</c> or a Microsoft Entra token. Not the SDK's <c>OpenAIFileClient</c>
/// and <c>BatchClient</c>: in OpenAI 2.1.0 they are experimental (OPENAI001) protocol methods that take and return
/// raw JSON anyway, so they add a suppressed diagnostic and no typing, and the quota refusal is easier to read here.
/// Transient HTTP failures throw, so the activity's retry policy redoes the call.
/// </summary>
public sealed class AzureOpenAIBatchClient(HttpClient http, Uri endpoint, string apiVersion, string? apiKey, TokenCredential? credential) : IBatchModelClient
{
    private static readonly string[] Scopes = ["https://cognitiveservices.azure.com/.default"];

    public async Task<string> UploadAsync(Stream jsonl, string fileName, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("batch"), "purpose");
        var file = new StreamContent(jsonl);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await SendAsync(HttpMethod.Post, "openai/files", form, cancellationToken).ConfigureAwait(false);
        using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<BatchJob> CreateAsync(string inputFileId, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = BatchRequestLine.Url,
            ["completion_window"] = "24h",
        });
        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, "openai/batches", content, cancellationToken, allowError: true).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Contains(BatchJob.TokenLimitExceeded, StringComparison.Ordinal) || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new BatchQuotaExceededException($"batch create answered {(int)response.StatusCode}: {ErrorMessage(text)}");
            }

            throw new HttpRequestException($"batch create answered {(int)response.StatusCode}: {ErrorMessage(text)}", null, response.StatusCode);
        }

        using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return BatchJobJson.Read(body.RootElement);
    }

    public async Task<BatchJob> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"openai/batches/{Uri.EscapeDataString(batchId)}", null, cancellationToken).ConfigureAwait(false);
        using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return BatchJobJson.Read(body.RootElement);
    }

    public async Task<BatchJob> CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"openai/batches/{Uri.EscapeDataString(batchId)}/cancel", null, cancellationToken).ConfigureAwait(false);
        using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return BatchJobJson.Read(body.RootElement);
    }

    public async IAsyncEnumerable<string> ReadLinesAsync(string fileId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"openai/files/{Uri.EscapeDataString(fileId)}/content", null, cancellationToken, streamed: true).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            yield return line;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool allowError = false, bool streamed = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, $"{path}?api-version={Uri.EscapeDataString(apiVersion)}")) { Content = content };
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("api-key", apiKey);
        }
        else if (credential is not null)
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }

        var response = await http.SendAsync(request, streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        if (!allowError && !response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {ErrorMessage(text)}", null, response.StatusCode);
        }

        return response;
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service's error message, never a whole body (it could echo request content).</summary>
    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? $"{(error.TryGetProperty("code", out var code) ? code.ToString() : "error")}: {(error.TryGetProperty("message", out var message) ? message.GetString() : string.Empty)}"
                : "no error object";
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
    }
}
