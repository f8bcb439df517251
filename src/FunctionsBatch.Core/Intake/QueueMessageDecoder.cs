using System.Text;
using System.Text.Json;
using FunctionsBatch.Core.Records;

namespace FunctionsBatch.Core.Intake;

/// <summary>
/// Reads a queue message body as a record. Producers using Azure.Storage.Queues write the text as given (the
/// SDK's default <c>QueueMessageEncoding.None</c>); Functions queue output bindings write base64 (the host's
/// default <c>messageEncoding</c>). Both are accepted: a body starting with <c>{</c> is JSON, anything else is
/// tried as base64 of UTF-8 JSON.
/// </summary>
public static class QueueMessageDecoder
{
    public static (JsonElement Record, string RecordId)? Decode(string body, out string? code, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        code = null;
        problem = null;
        var text = body.TrimStart();
        if (!text.StartsWith('{') && !TryBase64(text, out text))
        {
            (code, problem) = (IntakeErrorCodes.InvalidMessage, "the message is neither a JSON object nor base64 of one");
            return null;
        }

        JsonElement record;
        try
        {
            using var document = JsonDocument.Parse(text);
            record = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            (code, problem) = (IntakeErrorCodes.InvalidMessage, $"the message is not valid JSON: {ex.Message}");
            return null;
        }

        if (RecordValidator.CheckId(record) is { } idProblem)
        {
            (code, problem) = (IntakeErrorCodes.InvalidRecord, record.ValueKind == JsonValueKind.Object ? $"id {idProblem}" : idProblem);
            return null;
        }

        if (JsonTextCheck.FindInvalid(record, "$") is { } where)
        {
            (code, problem) = (IntakeErrorCodes.InvalidRecord, $"{where} {JsonTextCheck.Problem}");
            return null;
        }

        return (record, record.GetProperty("id").GetString()!);
    }

    private static bool TryBase64(string text, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var written))
        {
            return false;
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return decoded.TrimStart().StartsWith('{');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
