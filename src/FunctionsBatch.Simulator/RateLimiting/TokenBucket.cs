namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>
/// A bucket holding up to one minute's allowance, refilled continuously at limit/60 per second. Not
/// thread-safe: <see cref="DeploymentLimiter"/> locks around it.
/// </summary>
public sealed class TokenBucket : IRateAllowance
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private double _available;
    private long _lastRefill;

    public TokenBucket(long perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = perMinute;
        _time = time;
        _perSecond = perMinute / 60.0;
        _available = perMinute;
        _lastRefill = time.GetTimestamp();
    }

    public long Capacity { get; }

    /// <summary>Whole units available now.</summary>
    public long Available
    {
        get
        {
            Refill();
            return (long)Math.Floor(_available);
        }
    }

    public TimeSpan ResetAfter
    {
        get
        {
            Refill();
            return TimeSpan.FromSeconds((Capacity - _available) / _perSecond);
        }
    }

    /// <summary>How long until <paramref name="amount"/> can be paid; zero when it can be paid now.</summary>
    public TimeSpan TimeUntilAvailable(double amount)
    {
        Refill();
        var needed = Math.Min(amount, Capacity) - _available;
        return needed <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(needed / _perSecond);
    }

    /// <summary>Pays <paramref name="amount"/> if the bucket holds it.</summary>
    public bool TryTake(double amount)
    {
        // A cost above a whole minute's allowance would never fit; charge it as one full bucket instead.
        var cost = Math.Min(amount, Capacity);
        Refill();
        if (_available < cost)
        {
            return false;
        }

        _available -= cost;
        return true;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        if (elapsed > TimeSpan.Zero)
        {
            _available = Math.Min(Capacity, _available + (elapsed.TotalSeconds * _perSecond));
        }
    }
}
