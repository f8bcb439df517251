using FunctionsBatch.Simulator.Configuration;

namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>The request and token limits of one deployment; a request is admitted only when both can pay.</summary>
public sealed class DeploymentLimiter
{
    private readonly Lock _lock = new();
    private readonly IRateAllowance? _tokens;
    private readonly IRateAllowance? _requests;

    public DeploymentLimiter(RateLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Limits = limits;
        _tokens = limits.TokensPerMinute > 0 ? Allowance(limits.TokensPerMinute, limits, time) : null;
        _requests = limits.RequestsPerMinute > 0 ? Allowance(limits.RequestsPerMinute, limits, time) : null;
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
                return Decision(false, Max(tokenWait, requestWait), kind);
            }

            _tokens?.TryTake(estimatedTokens);
            _requests?.TryTake(1);
            return Decision(true, TimeSpan.Zero, RateLimitKind.None);
        }
    }

    private RateLimitDecision Decision(bool allowed, TimeSpan retryAfter, RateLimitKind kind) =>
        new(
            allowed,
            retryAfter,
            kind,
            _requests?.Available,
            _tokens?.Available,
            _requests is null ? null : Limits.RequestsPerMinute,
            _tokens is null ? null : Limits.TokensPerMinute,
            _requests?.ResetAfter,
            _tokens?.ResetAfter);

    private static IRateAllowance Allowance(long perMinute, RateLimits limits, TimeProvider time) => limits.Shape switch
    {
        RateLimitShape.Bucket => new TokenBucket(perMinute, time),
        _ => new SlidingWindow(perMinute, TimeSpan.FromSeconds(limits.WindowSeconds), time),
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}
