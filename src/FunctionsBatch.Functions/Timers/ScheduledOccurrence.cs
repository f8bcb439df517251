using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Timers;

/// <summary>Which scheduled occurrence a timer invocation is for.</summary>
public static class ScheduledOccurrence
{
    /// <summary>
    /// The timer listener passes each invocation the schedule status saved *before* it ran and updates it only
    /// afterwards, so <see cref="ScheduleStatus.Next"/> is the occurrence now firing — also for a past-due fire
    /// after a restart, or a repeat fire before the status was saved — while <see cref="ScheduleStatus.Last"/>
    /// is the previous night (its date would collide with yesterday's run id and start nothing).
    /// Without a monitored status (UseMonitor off, manual invoke) the current time is the best guess.
    /// </summary>
    public static DateTime Of(TimerInfo timer, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timer.ScheduleStatus is { } status && status.Next != default ? status.Next : utcNow;
    }
}
