using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void TryTake_WithinCapacity_SucceedsAndReducesAvailable()
    {
        var bucket = new TokenBucket(600, _time);

        Assert.True(bucket.TryTake(250));
        Assert.Equal(350, bucket.Available);
    }

    [Fact]
    public void TryTake_MoreThanAvailable_FailsAndTakesNothing()
    {
        var bucket = new TokenBucket(600, _time);
        Assert.True(bucket.TryTake(500));

        Assert.False(bucket.TryTake(200));
        Assert.Equal(100, bucket.Available);
    }

    [Fact]
    public void TimeUntilAvailable_Exhausted_IsDeficitOverRefillRate()
    {
        var bucket = new TokenBucket(600, _time);
        Assert.True(bucket.TryTake(550));

        Assert.Equal(TimeSpan.FromSeconds(5), bucket.TimeUntilAvailable(100));
        Assert.Equal(TimeSpan.Zero, bucket.TimeUntilAvailable(50));
    }

    [Fact]
    public void Available_AfterTimePasses_RefillsAtLimitOverSixtyPerSecond()
    {
        var bucket = new TokenBucket(600, _time);
        Assert.True(bucket.TryTake(600));

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(30, bucket.Available);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(35, bucket.Available);
        Assert.False(bucket.TryTake(36));
        Assert.True(bucket.TryTake(35));
    }

    [Fact]
    public void Available_LongIdle_CapsAtCapacity()
    {
        var bucket = new TokenBucket(60, _time);
        Assert.True(bucket.TryTake(60));

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(60, bucket.Available);
    }

    [Fact]
    public void TryTake_CostAboveCapacity_ChargesOneFullBucket()
    {
        var bucket = new TokenBucket(100, _time);

        Assert.True(bucket.TryTake(250));
        Assert.Equal(0, bucket.Available);
        Assert.Equal(TimeSpan.FromSeconds(60), bucket.TimeUntilAvailable(250));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_NonPositiveLimit_Throws(long perMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(perMinute, _time));
    }
}
