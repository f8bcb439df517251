namespace FunctionsBatch.Core.Throttling;

/// <summary>
/// How many chunks a run keeps in flight, adapted to the endpoint by additive increase / multiplicative
/// decrease: a chunk that met 429s halves the window, a clean one widens it by one, up to the spec's
/// maximum. Only chunks dispatched after the last cut can cut again, so one burst of 429s reported by
/// several chunks already in flight halves the window once, not once per chunk. Pure and deterministic, so
/// an orchestrator can hold it and replay it.
/// </summary>
public sealed class AdaptiveWindow
{
    private long _dispatched;
    private long _cutAfterDispatch = -1;

    public AdaptiveWindow(int maximum, int initial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        Maximum = maximum;
        Current = Math.Clamp(initial, 1, maximum);
    }

    public int Maximum { get; }

    public int Current { get; private set; }

    /// <summary>Call when a chunk is dispatched; the returned ticket goes back with its completion.</summary>
    public long Dispatched() => ++_dispatched;

    public void Completed(long ticket, int throttled)
    {
        if (throttled > 0)
        {
            if (ticket > _cutAfterDispatch)
            {
                Current = Math.Max(1, Current / 2);
                _cutAfterDispatch = _dispatched;
            }
        }
        else if (Current < Maximum)
        {
            Current++;
        }
    }
}
