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
}
