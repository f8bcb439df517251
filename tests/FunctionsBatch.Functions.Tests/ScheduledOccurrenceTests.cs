using FunctionsBatch.Functions.Timers;
using FunctionsBatch.Http.Api;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Tests;

public sealed class ScheduledOccurrenceTests
{
    private static readonly DateTime Yesterday = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Tonight = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Of_OnTimeFire_IsTheOccurrenceFiringNotThePreviousOne()
    {
        var occurrence = ScheduledOccurrence.Of(Fired(last: Yesterday, next: Tonight), Tonight.AddMilliseconds(3));

        Assert.Equal(Tonight, occurrence);
    }

    [Fact]
    public void Of_FireSlightlyEarly_StillTonight()
    {
        var occurrence = ScheduledOccurrence.Of(Fired(last: Yesterday, next: Tonight), Tonight.AddMilliseconds(-400));

        Assert.Equal(Tonight.Date, occurrence.Date);
    }

    [Fact]
    public void Of_PastDueFireAfterRestart_IsTheMissedOccurrence()
    {
        var occurrence = ScheduledOccurrence.Of(Fired(last: Yesterday, next: Tonight, pastDue: true), Tonight.AddHours(23));

        Assert.Equal(Tonight, occurrence);
    }

    [Fact]
    public void Of_SecondFireOfTheSameNight_GivesTheSameNightlyRunId()
    {
        var first = ScheduledOccurrence.Of(Fired(last: Yesterday, next: Tonight), Tonight.AddSeconds(1));
        var repeat = ScheduledOccurrence.Of(Fired(last: Yesterday, next: Tonight, pastDue: true), Tonight.AddMinutes(7));

        Assert.Equal(RunsApi.NightlyRunId("classify", first), RunsApi.NightlyRunId("classify", repeat));
        Assert.NotEqual(RunsApi.NightlyRunId("classify", Yesterday), RunsApi.NightlyRunId("classify", first));
    }

    [Fact]
    public void Of_NoMonitoredStatus_FallsBackToNow()
    {
        var now = Tonight.AddSeconds(2);

        Assert.Equal(now, ScheduledOccurrence.Of(new TimerInfo(), now));
        Assert.Equal(now, ScheduledOccurrence.Of(new TimerInfo { ScheduleStatus = new ScheduleStatus() }, now));
    }

    private static TimerInfo Fired(DateTime last, DateTime next, bool pastDue = false) => new()
    {
        IsPastDue = pastDue,
        ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = last },
    };
}
