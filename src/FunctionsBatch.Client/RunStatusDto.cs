namespace FunctionsBatch.Client;

/// <summary>The body of <c>GET /api/runs/{id}</c>, as far as the CLI reads it.</summary>
public sealed record RunStatusDto(
    string Id,
    string RuntimeStatus,
    string? Outcome,
    string? Reason,
    string? Phase,
    DateTime CreatedTime,
    DateTime LastUpdatedTime,
    RunProgressDto? Progress,
    RunTokensDto? Tokens,
    long CostMicros,
    decimal CostUsd,
    RunOutputDto? Output)
{
    public RunProgressDto Counts => Progress ?? RunProgressDto.Empty;

    public RunTokensDto TokenCounts => Tokens ?? new RunTokensDto(0, 0, 0);

    // "Canceled" is a legacy Durable status; treat it as finished too.
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated" or "Canceled";

    /// <summary>How long the run took (or has taken) by the server's clock.</summary>
    public TimeSpan ServerElapsed =>
        Output is { StartedUtc: { } started, CompletedUtc: { } completed } && completed >= started
            ? completed - started
            : LastUpdatedTime >= CreatedTime ? LastUpdatedTime - CreatedTime : TimeSpan.Zero;
}
