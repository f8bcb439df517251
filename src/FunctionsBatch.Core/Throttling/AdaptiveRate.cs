namespace FunctionsBatch.Core.Throttling;

/// <summary>
/// One dimension (tokens or requests) of a deployment's admitted rate: a reservation bucket refilled at
/// <see cref="PerSecond"/>, which is unknown (not paced) until a quota, a limit header or the first 429 says what it
/// is, and then moved by the controller: cut on 429s, raised while answers come back clean, never above
/// <see cref="Ceiling"/>. The bucket's level follows the <c>remaining</c> headers both ways, so headroom the service
/// reports is spent and headroom it denies is not. Callers serialize access; time is passed in.
/// </summary>
public sealed class AdaptiveRate
{
    /// <summary>
    /// The window a service counts spent tokens over (Azure's is 10 s): what was sent that long before a call's answer
    /// has left the window since the service counted its <c>remaining</c>.
    /// </summary>
    private static readonly TimeSpan LimitWindow = TimeSpan.FromSeconds(10);

    /// <summary>How far back the send history reaches: a window before the send of a call answered up to a minute later.</summary>
    private static readonly TimeSpan HistoryKept = LimitWindow + TimeSpan.FromSeconds(60);

    private readonly double _burstSeconds;
    private readonly List<(TimeSpan At, double Sent)> _sentHistory = [];
    private double _sentBeforeHistory;
    private double _level;
    private double _capacity;
    private TimeSpan _last;

    public AdaptiveRate(double ceilingPerSecond, double burstSeconds, TimeSpan now)
    {
        _burstSeconds = burstSeconds;
        Ceiling = ceilingPerSecond > 0 ? ceilingPerSecond : double.PositiveInfinity;
        PerSecond = Ceiling;
        _capacity = Known ? Math.Max(1, PerSecond * burstSeconds) : 0;
        _level = _capacity;
        _last = now;
    }

    /// <summary>The rate admitted now; infinite while nothing is known (calls go out unpaced).</summary>
    public double PerSecond { get; private set; }

    /// <summary>The quota's rate (configured, or from a limit header, times this process's share); infinite when unknown.</summary>
    public double Ceiling { get; private set; }

    public bool Known => !double.IsPositiveInfinity(PerSecond);

    /// <summary>Everything reserved so far, less what was given back: what the calls sent or still to be sent will spend.</summary>
    public double Reserved { get; private set; }

    /// <summary>Everything sent so far, in the order it was sent, for telling what was sent after a given call.</summary>
    public double Sent { get; private set; }

    /// <summary>A reserved call is sent now; returns <see cref="Sent"/> before it.</summary>
    public double Send(double cost, TimeSpan now)
    {
        Sent += cost;
        RecordSent(now);
        return Sent - cost;
    }

    /// <summary>
    /// Takes a place in line for <paramref name="cost"/>: returns the place's end (<see cref="Reserved"/> with it), for
    /// <see cref="WaitFor"/>.
    /// </summary>
    public double Reserve(double cost, TimeSpan now)
    {
        Reserved += cost;
        if (Known)
        {
            Refill(now);
            _level -= cost;
        }

        return Reserved;
    }

    /// <summary>
    /// How long the call whose place ends at <paramref name="through"/> must still wait. Asked again whenever the wait
    /// is over, so a cut, a raise or a pause meanwhile moves every waiting call, in its order, rather than leaving them
    /// the times they were given (which would send everyone held by a pause the moment it ends).
    /// </summary>
    public TimeSpan WaitFor(double through, TimeSpan now)
    {
        if (!Known)
        {
            return TimeSpan.Zero;
        }

        Refill(now);
        var held = _last > now ? _last - now : TimeSpan.Zero;
        var missing = through - Reserved - _level;
        return held + (missing > 0 ? TimeSpan.FromSeconds(missing / PerSecond) : TimeSpan.Zero);
    }

    /// <summary>
    /// A call reserved earlier was not spent: it was not sent after all, or the service refused it (its retry takes a
    /// new place). Its cost goes back, and it no longer counts among the calls the service has not seen yet.
    /// </summary>
    public void Release(double cost, bool wasSent, TimeSpan now)
    {
        Reserved -= cost;
        if (wasSent)
        {
            // Refused: the service never counted it, so it will not leave the window either.
            Sent -= cost;
            RecordSent(now);
        }

        if (Known)
        {
            _level = Math.Min(_capacity, _level + Math.Min(cost, _capacity));
        }
    }

    /// <summary>
    /// A pause: nothing refills before <paramref name="until"/>, so the calls waiting go at the rate from the pause's
    /// end, rather than all at once when it ends (which would fill a sliding window at once).
    /// </summary>
    public void Hold(TimeSpan until, TimeSpan now)
    {
        if (Known)
        {
            Refill(now);
            _last = until > _last ? until : _last;
        }
    }

    /// <summary>
    /// The service said <paramref name="remaining"/> was left when it admitted a call sent at <paramref name="sentAt"/>;
    /// what was sent after that call (<paramref name="sentThrough"/> is <see cref="Sent"/> just after it) and what is
    /// reserved but not sent yet is not in the figure, and what this process sent one <see cref="LimitWindow"/> before
    /// has left the window since (without it, every answer's round trip would pace below the quota). The level becomes exactly that, less <paramref name="room"/>, when
    /// <paramref name="spendHeadroom"/> (up or down); otherwise it only comes down to it. Spending headroom above the
    /// paced rate pays once, at the start: under a sliding window every burst leaves a hole the size of the window,
    /// which smooth pacing never does.
    /// </summary>
    public void ObserveRemaining(double remaining, double room, double sentThrough, TimeSpan sentAt, double share, bool spendHeadroom, TimeSpan now)
    {
        if (!Known)
        {
            return;
        }

        Refill(now);
        var leftWindow = Math.Max(0, SentBy(now - LimitWindow) - SentBy(sentAt - LimitWindow));
        var ours = (remaining * share) + leftWindow - room;
        var after = Math.Max(0, Reserved - sentThrough);
        if (spendHeadroom)
        {
            _capacity = Math.Max(PerSecond * _burstSeconds, ours);
            _level = Math.Min(_capacity, ours) - after;
        }
        else
        {
            _capacity = Math.Max(1, PerSecond * _burstSeconds);
            _level = Math.Min(Math.Min(_level, _capacity), ours - after);
        }
    }

    /// <summary>A limit header or a share change: the new ceiling, and the rate under it.</summary>
    public void SetCeiling(double perSecond, TimeSpan now)
    {
        if (perSecond <= 0 || double.IsNaN(perSecond))
        {
            return;
        }

        Refill(now);
        Ceiling = perSecond;
        PerSecond = Known ? Math.Min(PerSecond, Ceiling) : Ceiling;
        _capacity = Math.Max(1, PerSecond * _burstSeconds);
        _level = Math.Min(_level, _capacity);
    }

    /// <summary>A 429: the rate becomes <paramref name="factor"/> × what it was (or × what was measured, when it was unknown).</summary>
    public void Cut(double factor, double measuredPerSecond, TimeSpan now)
    {
        if (!Known && measuredPerSecond <= 0)
        {
            // Refused before anything was answered: nothing to learn a rate from yet; the pause alone holds the calls.
            return;
        }

        Refill(now);
        var from = Known ? PerSecond : measuredPerSecond;
        PerSecond = Math.Min(Ceiling, Math.Max(MinimumPerSecond, from * factor));
        _capacity = Math.Max(1, PerSecond * _burstSeconds);
        _level = Math.Min(_level, 0);
    }

    /// <summary>A clean stretch of <paramref name="seconds"/>: the rate climbs by <paramref name="perSecond"/> of itself per second.</summary>
    public void Raise(double perSecond, double seconds, TimeSpan now)
    {
        if (!Known || PerSecond >= Ceiling)
        {
            return;
        }

        Refill(now);
        PerSecond = Math.Min(Ceiling, PerSecond * (1 + (perSecond * seconds)));
        _capacity = Math.Max(_capacity, PerSecond * _burstSeconds);
    }

    /// <summary>One unit a minute: a cut never stops a deployment altogether.</summary>
    private const double MinimumPerSecond = 1.0 / 60;

    private void RecordSent(TimeSpan now)
    {
        _sentHistory.Add((now, Sent));
        var keepFrom = now - HistoryKept;
        // Trimmed a window's worth at a time, not on every send.
        if (_sentHistory[0].At < keepFrom - LimitWindow)
        {
            var drop = _sentHistory.FindIndex(entry => entry.At >= keepFrom);
            drop = drop < 0 ? _sentHistory.Count - 1 : drop;
            _sentBeforeHistory = _sentHistory[drop - 1].Sent;
            _sentHistory.RemoveRange(0, drop);
        }
    }

    /// <summary><see cref="Sent"/> as it stood at <paramref name="at"/>.</summary>
    private double SentBy(TimeSpan at)
    {
        int low = 0, high = _sentHistory.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_sentHistory[middle].At <= at)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 ? _sentHistory[found].Sent : _sentBeforeHistory;
    }

    private void Refill(TimeSpan now)
    {
        if (now > _last)
        {
            _level = Math.Min(_capacity, _level + ((now - _last).TotalSeconds * PerSecond));
            _last = now;
        }
    }
}
