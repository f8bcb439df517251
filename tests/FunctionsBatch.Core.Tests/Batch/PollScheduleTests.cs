using FunctionsBatch.Core.Batch;

namespace FunctionsBatch.Core.Tests.Batch;

public sealed class PollScheduleTests
{
    [Fact]
    public void Take_StartsSmallAndDoublesUpToTheCap()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

        Assert.Equal(
            new[] { 30, 60, 120, 240, 480, 600, 600 }.Select(s => TimeSpan.FromSeconds(s)),
            schedule.Take(7));
    }

    [Fact]
    public void Take_InitialAboveTheCap_WaitsTheCap()
    {
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], new PollSchedule(TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(5)).Take(2));
    }

    [Fact]
    public void Next_HugeWait_DoesNotOverflow()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(1), TimeSpan.MaxValue);

        Assert.Equal(TimeSpan.MaxValue, schedule.Next(TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks / 2 + 1)));
    }
}
