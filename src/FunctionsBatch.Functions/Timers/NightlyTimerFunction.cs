using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Functions.Timers;

public sealed partial class NightlyTimerFunction(RunsApiFactory runs, TimeProvider time, ILogger<NightlyTimerFunction> logger)
{
    public const string ScheduleSetting = "NightlySchedule";

    [Function(nameof(NightlyTimer))]
    public async Task NightlyTimer(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var occurrence = ScheduledOccurrence.Of(timer, time.GetUtcNow().UtcDateTime);
        var started = await runs.Create(client).StartScheduledAsync(occurrence, cancellationToken).ConfigureAwait(false);
        LogFired(occurrence, timer.IsPastDue, started.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly timer for {Occurrence:o} (past due: {PastDue}) started {Started} runs")]
    private partial void LogFired(DateTime occurrence, bool pastDue, int started);
}
