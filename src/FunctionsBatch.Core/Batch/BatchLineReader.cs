using System.Text.Json;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Batch;

/// <summary>
/// Reads Batch API output and error file lines. A line either has a <c>response</c> (status code and a chat completion
/// or error body) or an <c>error</c> (e.g. <c>batch_expired</c> for a line the service never ran).
/// </summary>
public static class BatchLineReader
{
    public const string ExpiredCode = "batch_expired";
    public const string CancelledCode = "batch_cancelled";

    /// <exception cref="FormatException">The line is not a batch output line.</exception>
    public static BatchLineResult Read(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"a batch output line is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("a batch output line has no custom_id");
            }

            var customId = id.GetString()!;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = Text(error, "code") ?? "batch_error";
                return new BatchLineResult(customId, false, null, TokenUsage.Zero, null, code, Text(error, "message") ?? code,
                    code == ExpiredCode, code is ExpiredCode or CancelledCode || !code.StartsWith("invalid", StringComparison.Ordinal));
            }

            if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"batch output line '{customId}' has neither a response nor an error");
            }

            var status = response.TryGetProperty("status_code", out var s) && s.TryGetInt32(out var code2) ? code2 : (int?)null;
            var body = response.TryGetProperty("body", out var b) ? b : default;
            return status == 200 ? Answer(customId, body) : Failure(customId, status, body);
        }
    }

    private static BatchLineResult Answer(string customId, JsonElement body)
    {
        var usage = TokenUsage.FromCompletionBody(body);
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
            || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return new BatchLineResult(customId, false, null, usage, 200, "malformed_response", "the batch line's body has no choices[0].message", false, true);
        }

        var finishReason = Text(choices[0], "finish_reason");
        if (finishReason == "content_filter")
        {
            return new BatchLineResult(customId, false, null, usage, 200, "content_filter", "the output was filtered by the content filter", false, false);
        }

        return new BatchLineResult(customId, true, Text(message, "content") ?? string.Empty, usage, 200, null, null, false, false, finishReason == "length",
            !body.TryGetProperty("usage", out var reported) || reported.ValueKind != JsonValueKind.Object);
    }

    private static BatchLineResult Failure(string customId, int? status, JsonElement body)
    {
        var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var code = error.ValueKind == JsonValueKind.Object ? Text(error, "code") : null;
        var message = error.ValueKind == JsonValueKind.Object ? Text(error, "message") : null;
        var retryable = status is null or 408 or 429 or >= 500;
        return new BatchLineResult(customId, false, null, TokenUsage.FromCompletionBody(body), status, code ?? $"http_{status}", message ?? $"the batch line failed with status {status}", false, retryable);
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
