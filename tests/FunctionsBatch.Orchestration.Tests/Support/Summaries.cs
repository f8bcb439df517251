using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Tests.Support;

internal static class Summaries
{
    /// <summary>A chunk summary whose numbers differ per chunk, so a dropped or doubled chunk changes every sum.</summary>
    public static ChunkSummary Chunk(int index, int records, int failed = 0) => new(
        index,
        records,
        records - failed,
        failed,
        Requests: records + (index % 3),
        Throttled: index % 2,
        new TokenUsage(PromptTokens: 1_000 * (index + 1), CachedTokens: 100 * index, CompletionTokens: 50 * (index + 1)),
        CostMicros: 700 + (13 * index),
        DurationMs: 5);
}
