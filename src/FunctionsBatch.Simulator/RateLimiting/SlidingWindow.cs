namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>
/// A per-minute limit enforced the way Azure OpenAI enforces it: whatever was admitted in the last
/// <see cref="Window"/> may not pass limit × window ÷ 60. The window stretches for limits so small that it would
/// hold less than one unit (1 RPM is one request per minute, not a sixth of one per ten seconds).
/// Not thread-safe: <see cref="DeploymentLimiter"/> locks around it.
/// </summary>
public sealed class SlidingWindow : IRateAllowance
{
    private readonly TimeProvider _time;
    private readonly Queue<(long Timestamp, double Amount)> _admitted = new();
    private double _spent;
    private long _lastTimestamp;

    public SlidingWindow(long perMinute, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Window = TimeSpan.FromSeconds(Math.Max(window.TotalSeconds, 60.0 / perMinute));
        Capacity = (long)Math.Floor(perMinute * Window.TotalSeconds / 60);
    }

    public TimeSpan Window { get; }

    public long Capacity { get; }

    public long Available
    {
        get
        {
            Expire(_time.GetTimestamp());
            return (long)Math.Floor(Capacity - _spent);
        }
    }

    public TimeSpan ResetAfter
    {
        get
        {
            var now = _time.GetTimestamp();
            Expire(now);
            return _admitted.Count == 0 ? TimeSpan.Zero : Window - _time.GetElapsedTime(_lastTimestamp, now);
        }
    }

    public TimeSpan TimeUntilAvailable(double amount)
    {
        var now = _time.GetTimestamp();
        Expire(now);
        var excess = _spent + Math.Min(amount, Capacity) - Capacity;
        if (excess <= 0)
        {
            return TimeSpan.Zero;
        }

        // The wait ends when enough of the oldest admissions have left the window.
        foreach (var (timestamp, spent) in _admitted)
        {
            excess -= spent;
            if (excess <= 0)
            {
                return Window - _time.GetElapsedTime(timestamp, now);
            }
        }

        return Window;
    }

    public bool TryTake(double amount)
    {
        if (TimeUntilAvailable(amount) > TimeSpan.Zero)
        {
            return false;
        }

        var cost = Math.Min(amount, Capacity);
        _lastTimestamp = _time.GetTimestamp();
        _admitted.Enqueue((_lastTimestamp, cost));
        _spent += cost;
        return true;
    }

    private void Expire(long now)
    {
        while (_admitted.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.Timestamp, now) >= Window)
        {
            _spent -= _admitted.Dequeue().Amount;
        }

        if (_admitted.Count == 0)
        {
            _spent = 0;
        }
    }
}
