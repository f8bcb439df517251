using FunctionsBatch.Simulator.Configuration;

namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>The request and token buckets of one deployment; a request is admitted only when both can pay.</summary>
public sealed class DeploymentLimiter
{
    private readonly Lock _lock = new();
    private readonly TokenBucket? _tokens;
    private readonly TokenBucket? _requests;

    public DeploymentLimiter(RateLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Limits = limits;
        _tokens = limits.TokensPerMinute > 0 ? new TokenBucket(limits.TokensPerMinute, time) : null;
        _requests = limits.RequestsPerMinute > 0 ? new TokenBucket(limits.RequestsPerMinute, time) : null;
    }

    public RateLimits Limits { get; }

    public RateLimitDecision TryAcquire(long estimatedTokens)
    {
        lock (_lock)
        {
            var tokenWait = _tokens?.TimeUntilAvailable(estimatedTokens) ?? TimeSpan.Zero;
            var requestWait = _requests?.TimeUntilAvailable(1) ?? TimeSpan.Zero;
            if (tokenWait > TimeSpan.Zero || requestWait > TimeSpan.Zero)
            {
                var kind = tokenWait >= requestWait ? RateLimitKind.Tokens : RateLimitKind.Requests;
                return new RateLimitDecision(false, Max(tokenWait, requestWait), kind, _requests?.Available, _tokens?.Available);
            }

            _tokens?.TryTake(estimatedTokens);
            _requests?.TryTake(1);
            return new RateLimitDecision(true, TimeSpan.Zero, RateLimitKind.None, _requests?.Available, _tokens?.Available);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}
