using System.Text.Json;

namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary><c>GET /sim/stats</c> totals. Token totals count successful answers only.</summary>
public sealed record SimStats(long Requests, long Succeeded, long Throttled, long Failed, long PromptTokens, long CompletionTokens)
{
    public static SimStats Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public long Answered => Succeeded + Throttled + Failed;

    /// <summary>What the simulator's limiter charged: prompt + max_tokens of every admitted (successful) request.</summary>
    public long ChargedTokens(int maxTokens) => PromptTokens + (Succeeded * maxTokens);

    public static SimStats From(JsonElement body) => new(
        body.GetProperty("requests").GetInt64(),
        body.GetProperty("succeeded").GetInt64(),
        body.GetProperty("throttled").GetInt64(),
        body.GetProperty("failed").GetInt64(),
        body.GetProperty("promptTokens").GetInt64(),
        body.GetProperty("completionTokens").GetInt64());
}
