using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionsBatch.Simulator.Generation;

namespace FunctionsBatch.Simulator.Http;

/// <summary>Serialises a chat.completion body field for field as Azure OpenAI returns it.</summary>
public static class ChatCompletionWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="withUsage">False for a server that sends no <c>usage</c> block.</param>
    public static byte[] Write(string id, DateTimeOffset created, string model, int promptTokens, GeneratedCompletion completion, bool withUsage = true)
    {
        ArgumentNullException.ThrowIfNull(completion);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", created.ToUnixTimeSeconds());
            json.WriteString("model", model);
            json.WriteString("system_fingerprint", "fp_simulator");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteString("finish_reason", completion.FinishReason);
            json.WriteNull("logprobs");
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", completion.Content);
            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            if (withUsage)
            {
                WriteUsage(json, promptTokens, completion.CompletionTokens);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteUsage(Utf8JsonWriter json, int promptTokens, int completionTokens)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("cached_tokens", 0);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("accepted_prediction_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("reasoning_tokens", 0);
        json.WriteNumber("rejected_prediction_tokens", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
