using System.Text.Json;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>Reads a batch object (<c>"object": "batch"</c>) into the small <see cref="BatchJob"/> the orchestration keeps.</summary>
public static class BatchJobJson
{
    public static BatchJob Read(JsonElement batch)
    {
        var counts = batch.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string? code = null;
        string? message = null;
        if (batch.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            && errors.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0)
        {
            code = Text(data[0], "code");
            message = Text(data[0], "message");
        }

        return new BatchJob(
            Text(batch, "id") ?? throw new JsonException("the batch object has no id"),
            Text(batch, "status") ?? throw new JsonException("the batch object has no status"),
            Text(batch, "output_file_id"),
            Text(batch, "error_file_id"),
            Count(counts, "total"),
            Count(counts, "completed"),
            Count(counts, "failed"),
            code,
            message);
    }

    private static int Count(JsonElement counts, string name) =>
        counts.ValueKind == JsonValueKind.Object && counts.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
