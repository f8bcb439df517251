using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.RateLimiting;

public sealed class DeploymentLimiterTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void TryAcquire_TokensShort_DeniesWithoutSpendingARequest()
    {
        var limiter = new DeploymentLimiter(new RateLimits(TokensPerMinute: 120, RequestsPerMinute: 10, Shape: RateLimitShape.Bucket), _time);
        Assert.True(limiter.TryAcquire(100).Allowed);

        var denied = limiter.TryAcquire(50);

        Assert.False(denied.Allowed);
        Assert.Equal(RateLimitKind.Tokens, denied.ExceededLimit);
        Assert.Equal(TimeSpan.FromSeconds(15), denied.RetryAfter);
        Assert.Equal(9, denied.RemainingRequests);
        Assert.Equal(20, denied.RemainingTokens);
    }

    [Fact]
    public void TryAcquire_RequestsShort_ReportsRequestLimit()
    {
        var limiter = new DeploymentLimiter(new RateLimits(TokensPerMinute: 10_000, RequestsPerMinute: 6, Shape: RateLimitShape.Bucket), _time);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(limiter.TryAcquire(10).Allowed);
        }

        var denied = limiter.TryAcquire(10);

        Assert.False(denied.Allowed);
        Assert.Equal(RateLimitKind.Requests, denied.ExceededLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), denied.RetryAfter);
        Assert.Equal(9_940, denied.RemainingTokens);
    }

    [Fact]
    public void TryAcquire_Unlimited_AllowsWithoutRemainingCounts()
    {
        var limiter = new DeploymentLimiter(new RateLimits(0, 0), _time);

        var decisions = Enumerable.Range(0, 1000).Select(_ => limiter.TryAcquire(1_000_000)).ToList();

        Assert.All(decisions, d => Assert.True(d.Allowed));
        Assert.Null(decisions[^1].RemainingRequests);
        Assert.Null(decisions[^1].RemainingTokens);
    }

    [Fact]
    public void TryAcquire_ConcurrentCallers_AdmitExactlyTheCapacity()
    {
        var limiter = new DeploymentLimiter(new RateLimits(TokensPerMinute: 0, RequestsPerMinute: 500, Shape: RateLimitShape.Bucket), _time);

        var admitted = 0;
        Parallel.For(0, 2000, _ =>
        {
            if (limiter.TryAcquire(1).Allowed)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(500, admitted);
    }
}
