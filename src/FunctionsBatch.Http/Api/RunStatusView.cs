using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Api;

/// <summary>The body of <c>GET /api/runs/{id}</c>.</summary>
/// <param name="ResultsExportUri">The JSONL blob the finished run's results were exported to; null until then.</param>
public sealed record RunStatusView(
    string Id,
    string RuntimeStatus,
    string? Outcome,
    string? Reason,
    string? Phase,
    DateTime CreatedTime,
    DateTime LastUpdatedTime,
    RunCounts Progress,
    RunTokens Tokens,
    long CostMicros,
    decimal CostUsd,
    RunSummary? Output,
    RunLinks Links,
    string? ResultsExportUri)
{
    public static RunStatusView From(RunState state, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(state);
        var summary = state.Summary;
        var progress = state.Progress;
        var counters = summary?.All ?? progress?.Counters ?? RunCounters.None;
        var counts = new RunCounts(
            summary?.TotalRecords ?? progress?.TotalRecords ?? 0,
            counters.Processed,
            counters.Succeeded,
            counters.Failed,
            summary?.Skipped ?? 0,
            counters.Requests,
            counters.Throttled,
            progress?.ChunksTotal ?? 0,
            progress?.ChunksCompleted ?? 0,
            counters.Truncated,
            counters.EstimatedUsage);
        var usage = counters.Usage;
        var cost = counters.CostMicros;
        return new RunStatusView(
            state.RunId,
            state.RuntimeStatus,
            summary?.Outcome.ToString() ?? (state.RuntimeStatus == RuntimeStatusNames.Failed ? nameof(RunOutcome.Failed) : null),
            summary?.Reason ?? state.FailureMessage,
            progress?.Phase,
            state.CreatedUtc,
            state.LastUpdatedUtc,
            counts,
            new RunTokens(usage.PromptTokens, usage.CachedTokens, usage.CompletionTokens),
            cost,
            CostCalculator.ToDollars(cost),
            summary,
            RunLinks.For(state.RunId, baseUrl),
            summary?.Export?.Uri);
    }
}
