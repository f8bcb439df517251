using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.RateLimiting;

public sealed class SlidingWindowTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void TryTake_TenSecondWindow_AdmitsASixthOfTheMinuteAndNoMore()
    {
        var window = new SlidingWindow(60_000, TimeSpan.FromSeconds(10), _time);

        Assert.Equal(10_000, window.Capacity);
        Assert.True(window.TryTake(6_000));
        Assert.True(window.TryTake(4_000));
        Assert.False(window.TryTake(1));
        Assert.Equal(0, window.Available);
    }

    [Fact]
    public void TimeUntilAvailable_Full_IsWhenEnoughOfTheOldestAdmissionsLeaveTheWindow()
    {
        var window = new SlidingWindow(60_000, TimeSpan.FromSeconds(10), _time);
        Assert.True(window.TryTake(4_000));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(window.TryTake(6_000));

        Assert.Equal(TimeSpan.FromSeconds(7), window.TimeUntilAvailable(3_000));
        Assert.Equal(TimeSpan.FromSeconds(10), window.TimeUntilAvailable(5_000));
        Assert.Equal(TimeSpan.FromSeconds(10), window.ResetAfter);

        _time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(4_000, window.Available);
        Assert.True(window.TryTake(4_000));
        Assert.False(window.TryTake(1));
    }

    [Fact]
    public void Window_LimitBelowOneUnitPerWindow_StretchesToHoldOne()
    {
        var window = new SlidingWindow(2, TimeSpan.FromSeconds(10), _time);

        Assert.Equal(TimeSpan.FromSeconds(30), window.Window);
        Assert.True(window.TryTake(1));
        Assert.False(window.TryTake(1));
        Assert.Equal(TimeSpan.FromSeconds(30), window.TimeUntilAvailable(1));
    }

    [Fact]
    public void TryAcquire_DefaultShape_NeverAdmitsAMinutesWorthAtOnce()
    {
        var limiter = new DeploymentLimiter(new RateLimits(TokensPerMinute: 60_000, RequestsPerMinute: 0), _time);

        var admitted = Enumerable.Range(0, 100).Count(_ => limiter.TryAcquire(1_000).Allowed);

        Assert.Equal(10, admitted);
        var denied = limiter.TryAcquire(1_000);
        Assert.Equal(TimeSpan.FromSeconds(10), denied.RetryAfter);
        Assert.Equal(60_000, denied.LimitTokens);
        Assert.Equal(TimeSpan.FromSeconds(10), denied.ResetTokens);
    }

    [Theory]
    [InlineData(0.02, "20ms")]
    [InlineData(1.5, "1.5s")]
    [InlineData(360, "6m0s")]
    [InlineData(61.25, "1m1.25s")]
    public void Format_Durations_AsOpenAIWritesThem(double seconds, string expected) =>
        Assert.Equal(expected, ResetDuration.Format(TimeSpan.FromSeconds(seconds)));
}
