using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.Simulator.Tests.RateLimiting;

public sealed class RateLimiterRegistryTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly SimulatorSettings _settings = new(Options.Create(new SimulatorOptions
    {
        DefaultRequestsPerMinute = 1,
        RateLimitShape = RateLimitShape.Bucket,
        Deployments = { ["Big"] = new DeploymentOptions { RequestsPerMinute = 3 } },
    }));

    [Fact]
    public void TryAcquire_DeploymentOverride_UsesItsOwnLimitCaseInsensitively()
    {
        var registry = new RateLimiterRegistry(_settings, _time);

        var big = Enumerable.Range(0, 4).Select(_ => registry.TryAcquire("big", 1).Allowed).ToList();
        var other = Enumerable.Range(0, 2).Select(_ => registry.TryAcquire("other", 1).Allowed).ToList();

        Assert.Equal([true, true, true, false], big);
        Assert.Equal([true, false], other);
    }

    [Fact]
    public void TryAcquire_LimitsChangedAtRunTime_StartsAFullBucketAtTheNewLimit()
    {
        var registry = new RateLimiterRegistry(_settings, _time);
        Assert.True(registry.TryAcquire("other", 1).Allowed);
        Assert.False(registry.TryAcquire("other", 1).Allowed);

        _settings.Apply(new SimulatorConfigUpdate(DefaultRequestsPerMinute: 2));

        Assert.True(registry.TryAcquire("other", 1).Allowed);
        Assert.True(registry.TryAcquire("other", 1).Allowed);
        Assert.False(registry.TryAcquire("other", 1).Allowed);
    }

    [Fact]
    public void Reset_AfterExhaustion_RefillsEveryBucket()
    {
        var registry = new RateLimiterRegistry(_settings, _time);
        Assert.True(registry.TryAcquire("other", 1).Allowed);
        Assert.False(registry.TryAcquire("other", 1).Allowed);

        registry.Reset();

        Assert.True(registry.TryAcquire("other", 1).Allowed);
    }
}
