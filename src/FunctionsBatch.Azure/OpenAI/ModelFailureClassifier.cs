using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// Decides what an error answer means for a record: transient (429, 408, 500, 502, 503, 504: try again,
/// after the server's <c>retry-after-ms</c> / <c>Retry-After</c> if it gave one) or final with its reason.
/// </summary>
public static class ModelFailureClassifier
{
    public static ChatCallResult FromStatus(int status, PipelineResponse? response, string fallbackMessage, long latencyMs)
    {
        var (code, message) = ReadError(response, fallbackMessage);
        var retryAfter = RetryAfter(response);
        return Classify(status, code, message, retryAfter, latencyMs) with { Rate = ReadRateSignal(response) };
    }

    /// <summary>The <c>x-ratelimit-remaining-*</c> (Azure, OpenAI) and <c>x-ratelimit-limit-*</c> (OpenAI, gateways) headers.</summary>
    public static RateSignal? ReadRateSignal(PipelineResponse? response) =>
        response?.Headers is not { } headers
            ? null
            : new RateSignal(
                IntHeader(headers, "x-ratelimit-remaining-tokens"),
                IntHeader(headers, "x-ratelimit-remaining-requests"),
                IntHeader(headers, "x-ratelimit-limit-tokens"),
                IntHeader(headers, "x-ratelimit-limit-requests"));

    public static int? IntHeader(PipelineResponseHeaders headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static ChatCallResult Classify(int status, string? code, string message, TimeSpan? retryAfter, long latencyMs)
    {
        return status switch
        {
            0 => ChatCallResult.Failure(null, RecordErrorCodes.ConnectionFailed, message, true, retryAfter, latencyMs),
            429 => ChatCallResult.Failure(429, RecordErrorCodes.Throttled, message, true, retryAfter, latencyMs),
            408 => ChatCallResult.Failure(408, RecordErrorCodes.Timeout, message, true, retryAfter, latencyMs),
            500 or 502 or 503 or 504 => ChatCallResult.Failure(status, RecordErrorCodes.ServerError, message, true, retryAfter, latencyMs),
            401 or 403 => ChatCallResult.Failure(status, RecordErrorCodes.Unauthorized, message, false, null, latencyMs),
            404 => ChatCallResult.Failure(status, RecordErrorCodes.NotFound, message, false, null, latencyMs),
            400 when code is "content_filter" || message.Contains("content management policy", StringComparison.OrdinalIgnoreCase) =>
                ChatCallResult.Failure(status, RecordErrorCodes.ContentFilter, message, false, null, latencyMs),
            400 when code is "context_length_exceeded" || message.Contains("maximum context length", StringComparison.OrdinalIgnoreCase) =>
                ChatCallResult.Failure(status, RecordErrorCodes.ContextLengthExceeded, message, false, null, latencyMs),
            _ => ChatCallResult.Failure(status, status >= 500 ? RecordErrorCodes.ServerError : RecordErrorCodes.BadRequest, message, status >= 500, retryAfter, latencyMs),
        };
    }

    public static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var seconds)
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return TimeSpan.FromSeconds(value);
        }

        return null;
    }

    private static (string? Code, string Message) ReadError(PipelineResponse? response, string fallback)
    {
        try
        {
            var content = response?.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return (null, fallback);
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message ?? fallback);
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return (null, fallback);
    }
}
