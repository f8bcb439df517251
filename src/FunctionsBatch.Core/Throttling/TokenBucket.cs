namespace FunctionsBatch.Core.Throttling;

/// <summary>
/// A token bucket that hands out reservations: a caller takes what it needs at once (the level may go
/// negative) and is told how long to wait before using it, so concurrent callers queue fairly without
/// polling. Refills continuously at <see cref="RatePerSecond"/> up to <see cref="Capacity"/>. Time is
/// passed in, so the maths is testable without clocks; callers serialize access.
/// </summary>
public sealed class TokenBucket
{
    private double _level;
    private TimeSpan _last;

    public TokenBucket(double ratePerSecond, double capacity, TimeSpan now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        RatePerSecond = ratePerSecond;
        Capacity = capacity;
        _level = capacity;
        _last = now;
    }

    public double RatePerSecond { get; }

    public double Capacity { get; }

    public double Level(TimeSpan now)
    {
        Refill(now);
        return _level;
    }

    /// <summary>Reserves <paramref name="cost"/> (at most one bucketful) and returns how long to wait before spending it.</summary>
    public TimeSpan Reserve(double cost, TimeSpan now)
    {
        Refill(now);
        _level -= Math.Min(cost, Capacity);
        return _level >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_level / RatePerSecond);
    }

    /// <summary>The server reported less headroom than we think we have (someone else spends it too): believe it.</summary>
    public void ObserveRemaining(double remaining, TimeSpan now)
    {
        Refill(now);
        if (remaining < _level)
        {
            _level = remaining;
        }
    }

    private void Refill(TimeSpan now)
    {
        if (now > _last)
        {
            _level = Math.Min(Capacity, _level + ((now - _last).TotalSeconds * RatePerSecond));
            _last = now;
        }
    }
}
