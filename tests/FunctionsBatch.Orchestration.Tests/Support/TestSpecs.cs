using System.Text.Json;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Tests.Support;

/// <summary>Job specs and records for the tests.</summary>
internal static class TestSpecs
{
    public static JobSpec Job(int chunkSize = 10, int maxParallelChunks = 4, string? responseSchema = null, int maxConcurrentRequestsPerChunk = 4) => new()
    {
        Name = "classify-test",
        Prompt = new PromptSpec("Classify the ticket.", "Subject: {{subject}}\n{{body}}"),
        PromptVersion = "v1",
        Model = "gpt-4o-mini",
        ResponseSchema = responseSchema is null ? null : JsonDocument.Parse(responseSchema).RootElement.Clone(),
        ChunkSize = chunkSize,
        MaxParallelChunks = maxParallelChunks,
        MaxConcurrentRequestsPerChunk = maxConcurrentRequestsPerChunk,
        Tags = new Dictionary<string, string> { ["tenant"] = "contoso", ["feature"] = "triage" },
    };

    public static JsonElement Record(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Ticket(string id, string subject = "Login fails", string body = "Cannot sign in since Monday.") =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["id"] = id, ["subject"] = subject, ["body"] = body });
}
