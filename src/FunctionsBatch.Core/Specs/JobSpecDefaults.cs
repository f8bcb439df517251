namespace FunctionsBatch.Core.Specs;

public static class JobSpecDefaults
{
    public const int MaxOutputTokens = 256;
    public const int MaxParallelChunks = 4;
    public const int MaxConcurrentRequestsPerChunk = 8;

    public const double RetryBudget = 0.5;

    /// <summary>How long a chunk keeps waiting through 429s before its still-throttled records fail as <c>rate_limited</c>.</summary>
    public static readonly TimeSpan ThrottleWait = TimeSpan.FromHours(1);
    public const int MaxChunksPerGroup = 1_000;
    public const double MaxRetryBudget = 10;

    public const int MaxChunkSize = 5_000;
    public const int MaxParallelChunksLimit = 256;
    public const int MaxOutputTokensLimit = 128_000;
    public const int MaxConcurrentRequestsPerChunkLimit = 64;

    // What is stored in a table column (the cost row's tags, prompt version and model) is held well inside Table
    // Storage's 32K-character property limit, so the cost row, written after the model is paid, cannot be refused.
    public const int MaxTags = 50;
    public const int MaxTagNameLength = 64;
    public const int MaxTagValueLength = 250;
    public const int MaxPromptVersionLength = 128;
    public const int MaxModelLength = 256;
}
