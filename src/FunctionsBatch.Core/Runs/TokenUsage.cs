using System.Text.Json;

namespace FunctionsBatch.Core.Runs;

/// <summary>Tokens as the model reports them. Cached tokens are a subset of prompt tokens.</summary>
public readonly record struct TokenUsage(long PromptTokens, long CachedTokens, long CompletionTokens)
{
    public static TokenUsage Zero => default;

    public long TotalTokens => PromptTokens + CompletionTokens;

    public static TokenUsage operator +(TokenUsage left, TokenUsage right) =>
        new(left.PromptTokens + right.PromptTokens,
            left.CachedTokens + right.CachedTokens,
            left.CompletionTokens + right.CompletionTokens);

    public TokenUsage Add(TokenUsage other) => this + other;

    /// <summary>The <c>usage</c> of a chat completion body (online or a batch line's); zero where it is missing or not numbers.</summary>
    public static TokenUsage FromCompletionBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return Zero;
        }

        var cached = usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object
            ? Count(details, "cached_tokens")
            : 0;
        return new TokenUsage(Count(usage, "prompt_tokens"), cached, Count(usage, "completion_tokens"));
    }

    private static long Count(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count > 0 ? count : 0;
}
