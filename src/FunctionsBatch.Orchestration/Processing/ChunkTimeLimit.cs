namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// How long one chunk activity may keep its records waiting for the rate limit before it hands them back to be sent
/// again in a new activity: well inside the Functions host's <c>functionTimeout</c> (10 minutes in host.json).
/// </summary>
public sealed record ChunkTimeLimit(TimeSpan Value)
{
    public const string Setting = "FunctionsBatch:ChunkTimeLimitSeconds";

    public static ChunkTimeLimit Default { get; } = new(TimeSpan.FromMinutes(8));
}
