using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>The parts of <c>GET /api/runs/{id}</c> the benchmark reads.</summary>
public sealed record RunStatus(
    string RuntimeStatus,
    string? Outcome,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    int TotalRecords,
    int Processed,
    int Succeeded,
    int Failed,
    int Requests,
    int Throttled,
    long PromptTokens,
    long CompletionTokens,
    DateTime? StartedUtc,
    DateTime? CompletedUtc)
{
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated";

    public static RunStatus From(JsonElement body)
    {
        var progress = body.GetProperty("progress");
        var tokens = body.GetProperty("tokens");
        var output = body.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object ? o : (JsonElement?)null;
        return new RunStatus(
            body.GetProperty("runtimeStatus").GetString()!,
            body.TryGetProperty("outcome", out var outcome) ? outcome.GetString() : null,
            body.GetProperty("createdTime").GetDateTime().ToUniversalTime(),
            body.GetProperty("lastUpdatedTime").GetDateTime().ToUniversalTime(),
            progress.GetProperty("totalRecords").GetInt32(),
            progress.GetProperty("processed").GetInt32(),
            progress.GetProperty("succeeded").GetInt32(),
            progress.GetProperty("failed").GetInt32(),
            progress.GetProperty("requests").GetInt32(),
            progress.GetProperty("throttled").GetInt32(),
            tokens.GetProperty("input").GetInt64(),
            tokens.GetProperty("output").GetInt64(),
            output?.GetProperty("startedUtc").GetDateTime().ToUniversalTime(),
            output?.GetProperty("completedUtc").GetDateTime().ToUniversalTime());
    }
}
