using FunctionsBatch.Http.Api;

namespace FunctionsBatch.LocalHost.Timers;

/// <summary>What one fire of the nightly timer does, for the schedule and for the admin endpoint alike.</summary>
public sealed partial class NightlyTrigger(RunsApi runs, ILogger<NightlyTrigger> logger)
{
    public const string ScheduleSetting = "NightlySchedule";

    public async Task<IReadOnlyList<string>> FireAsync(DateTime fireTimeUtc, bool manual, CancellationToken cancellationToken)
    {
        var started = await runs.StartScheduledAsync(fireTimeUtc, cancellationToken).ConfigureAwait(false);
        LogFired(fireTimeUtc, manual, started.Count);
        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly timer for {Occurrence:o} (manual: {Manual}) started {Started} runs")]
    private partial void LogFired(DateTime occurrence, bool manual, int started);
}
