using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.LocalHost.Timers;

/// <summary>
/// The timer trigger: sleeps until the next occurrence of <c>NightlySchedule</c> (UTC, as on Azure) and fires
/// with that occurrence, so the run ids a fire derives do not depend on how late the process woke up.
/// </summary>
public sealed partial class NightlyTimerService(
    IConfiguration configuration,
    NightlyTrigger trigger,
    TimeProvider time,
    ILogger<NightlyTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = configuration[NightlyTrigger.ScheduleSetting];
        if (string.IsNullOrWhiteSpace(expression))
        {
            LogDisabled(NightlyTrigger.ScheduleSetting);
            return;
        }

        var schedule = NightlySchedule.Parse(expression);
        var now = time.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = DateTime.SpecifyKind(schedule.GetNextOccurrence(now), DateTimeKind.Utc);
            LogNextFire(expression, next);
            await DelayUntilAsync(next, stoppingToken).ConfigureAwait(false);
            try
            {
                await trigger.FireAsync(next, manual: false, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As with a Functions timer: a failed fire is logged and the schedule goes on.
                LogFireFailed(ex, next);
            }

            now = next;
        }
    }

    /// <summary>Task.Delay caps at ~49 days and timers can fire a little early, so wait in steps until the time has come.</summary>
    private async Task DelayUntilAsync(DateTime dueUtc, CancellationToken stoppingToken)
    {
        var maxStep = TimeSpan.FromDays(1);
        for (var wait = dueUtc - time.GetUtcNow().UtcDateTime; wait > TimeSpan.Zero; wait = dueUtc - time.GetUtcNow().UtcDateTime)
        {
            await Task.Delay(wait < maxStep ? wait : maxStep, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly timer disabled: setting {Setting} is empty")]
    private partial void LogDisabled(string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly timer ({Schedule}) next fires at {Next:o}")]
    private partial void LogNextFire(string schedule, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nightly timer fire for {Occurrence:o} failed")]
    private partial void LogFireFailed(Exception exception, DateTime occurrence);
}
