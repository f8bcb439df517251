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
        var counts = summary is not null
            ? new RunCounts(summary.TotalRecords, summary.Succeeded + summary.Failed, summary.Succeeded, summary.Failed, summary.Skipped, summary.Requests, summary.Throttled, progress?.ChunksTotal ?? 0, progress?.ChunksCompleted ?? 0)
            : progress is not null
                ? new RunCounts(progress.TotalRecords, progress.Succeeded + progress.Failed, progress.Succeeded, progress.Failed, 0, progress.Requests, progress.Throttled, progress.ChunksTotal, progress.ChunksCompleted)
                : new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
        var usage = summary?.Usage ?? progress?.Usage ?? TokenUsage.Zero;
        var cost = summary?.CostMicros ?? progress?.CostMicros ?? 0;
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
