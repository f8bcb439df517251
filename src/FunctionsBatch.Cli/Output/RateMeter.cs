namespace FunctionsBatch.Cli.Output;

/// <summary>Records per second over a sliding window, so the ETA follows the current pace rather than the whole run's.</summary>
public sealed class RateMeter(TimeSpan window)
{
    private readonly Queue<(TimeSpan At, long Count)> _samples = new();
    private (TimeSpan At, long Count) _last;

    public void Add(TimeSpan at, long count)
    {
        _last = (at, count);
        _samples.Enqueue(_last);
        while (_samples.Count > 2 && at - _samples.Peek().At > window)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>Null until the window spans long enough to say anything.</summary>
    public double? PerSecond
    {
        get
        {
            if (_samples.Count < 2)
            {
                return null;
            }

            var first = _samples.Peek();
            var seconds = (_last.At - first.At).TotalSeconds;
            return seconds < 0.5 ? null : Math.Max(0, _last.Count - first.Count) / seconds;
        }
    }
}
