using FunctionsBatch.Client;

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

    public static RunStatus From(RunStatusDto body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var progress = body.Counts;
        return new RunStatus(
            body.RuntimeStatus,
            body.Outcome,
            body.CreatedTime.ToUniversalTime(),
            body.LastUpdatedTime.ToUniversalTime(),
            progress.TotalRecords,
            progress.Processed,
            progress.Succeeded,
            progress.Failed,
            progress.Requests,
            progress.Throttled,
            body.TokenCounts.Input,
            body.TokenCounts.Output,
            body.Output?.StartedUtc?.ToUniversalTime(),
            body.Output?.CompletedUtc?.ToUniversalTime());
    }
}
