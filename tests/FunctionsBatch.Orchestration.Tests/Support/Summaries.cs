using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Tests.Support;

internal static class Summaries
{
    /// <summary>A chunk summary whose numbers differ per chunk, so a dropped or doubled chunk changes every sum.</summary>
    public static ChunkSummary Chunk(int index, int records, int failed = 0) => new(
        index,
        RunModes.Online,
        new RunCounters
        {
            Records = records,
            Succeeded = records - failed,
            Failed = failed,
            Requests = records + (index % 3),
            Throttled = index % 2,
            Usage = new TokenUsage(PromptTokens: 1_000 * (index + 1), CachedTokens: 100 * index, CompletionTokens: 50 * (index + 1)),
            CostMicros = 700 + (13 * index),
        },
        DurationMs: 5);

    /// <summary>The summary with its counters changed.</summary>
    public static ChunkSummary With(this ChunkSummary summary, Func<RunCounters, RunCounters> change) =>
        summary with { Counters = change(summary.Counters) };
}
