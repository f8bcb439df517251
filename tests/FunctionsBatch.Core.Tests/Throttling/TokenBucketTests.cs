using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Core.Tests.Throttling;

public sealed class TokenBucketTests
{
    private static readonly TimeSpan Start = TimeSpan.FromHours(1);

    [Fact]
    public void Reserve_WithinCapacity_NeedsNoWait()
    {
        var bucket = new TokenBucket(ratePerSecond: 100, capacity: 1_000, Start);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(600, Start));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(400, Start));
        Assert.Equal(0, bucket.Level(Start));
    }

    [Fact]
    public void Reserve_PastCapacity_WaitsForTheDeficitAtTheRefillRate()
    {
        var bucket = new TokenBucket(ratePerSecond: 100, capacity: 1_000, Start);
        bucket.Reserve(1_000, Start);

        // 250 tokens short at 100 tokens/s: 2.5 s; the next caller queues behind that reservation.
        Assert.Equal(TimeSpan.FromSeconds(2.5), bucket.Reserve(250, Start));
        Assert.Equal(TimeSpan.FromSeconds(3.5), bucket.Reserve(100, Start));
    }

    [Fact]
    public void Level_AfterIdleTime_RefillsButNeverPastCapacity()
    {
        var bucket = new TokenBucket(ratePerSecond: 100, capacity: 1_000, Start);
        bucket.Reserve(1_000, Start);

        Assert.Equal(300, bucket.Level(Start + TimeSpan.FromSeconds(3)), precision: 6);
        Assert.Equal(1_000, bucket.Level(Start + TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Reserve_MoreThanABucketful_IsChargedOneBucketSoItCanEverRun()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, capacity: 100, Start);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(5_000, Start));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(10, Start));
    }

    [Fact]
    public void ObserveRemaining_ServerReportsLess_LowersTheLevelButNeverRaisesIt()
    {
        var bucket = new TokenBucket(ratePerSecond: 100, capacity: 1_000, Start);

        bucket.ObserveRemaining(200, Start);
        bucket.ObserveRemaining(900, Start);

        Assert.Equal(200, bucket.Level(Start));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(300, Start));
    }
}
