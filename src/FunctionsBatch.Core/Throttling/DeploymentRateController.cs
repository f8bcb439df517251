namespace FunctionsBatch.Core.Throttling;

/// <summary>
/// Learns and spends one deployment's quota from this process. Calls are admitted through two
/// <see cref="AdaptiveRate"/>s (tokens, requests). A configured quota (times this process's share of it) is the
/// ceiling and the starting rate; without one, calls go out unpaced until the service pushes back. The service's
/// headers steer it: <c>x-ratelimit-limit-*</c> sets the ceiling, <c>x-ratelimit-remaining-*</c> sets how much may be
/// spent now. A 429 pauses every admission for the service's retry-after and cuts the rate that ran out
/// (multiplicative decrease, once per burst: only calls admitted after the last cut can cut again); bursts refused one
/// after another with nothing answered double the pause, up to <see cref="MaxPause"/>; each clean second raises the
/// rate again, up to the ceiling. Pure and deterministic: time is passed in, callers serialize access.
/// </summary>
public sealed class DeploymentRateController
{
    /// <summary>How far back the admitted rate is measured when a first 429 has to seed an unknown rate.</summary>
    private static readonly TimeSpan MeasureWindow = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The shortest period a measured rate is taken over: Azure's limit window. A service's opening allowance is
    /// spent in a second or two, and dividing it by that would take the burst for the rate.
    /// </summary>
    private static readonly TimeSpan ShortestMeasure = TimeSpan.FromSeconds(10);

    /// <summary>How far back the share of 429s is taken when a 429 carries no headers to say whether the rate ran out.</summary>
    private static readonly TimeSpan RecentOutcomes = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Without headers, a 429 cuts the rate only when this share of the recent answers were 429s, and at least
    /// <see cref="CongestedCount"/> of them: a rate that ran out refuses nearly everything, while a service that
    /// refuses a call here and there (capacity, a gateway) must not drive the rate to nothing.
    /// </summary>
    private const double CongestedShare = 0.2;

    private const int CongestedCount = 2;

    /// <summary>
    /// Calls' worth of room kept below what an answer reports free: between two answers calls go out at the paced rate
    /// while the window frees what was sent a window earlier at its own pace, and an estimate exactly at the limit is
    /// refused whenever the two differ.
    /// </summary>
    private const double UnevenCalls = 2;

    /// <summary>The most of the largest window reported that the room may take, so large calls on a small quota keep most of it.</summary>
    private const double MaxRoomShare = 0.02;

    /// <summary>The longest a storm's doubling pauses grow (never shorter than what the service asked for).</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private readonly RateControlOptions _options;
    private readonly DeploymentQuota _configured;
    private readonly Queue<(TimeSpan At, int Tokens)> _answered = new();
    private readonly TimeSpan _started;
    private double _answeredTokens;
    private long _sequence;
    private long _cutAfter = -1;
    private TimeSpan _pausedUntil;
    private TimeSpan _lastRaise;
    private int? _limitTokens;
    private int? _limitRequests;
    private int _burstsWithoutAnswer;
    private readonly Queue<(TimeSpan At, bool Throttled)> _recent = new();
    private int _recentThrottled;
    private double _largestTokenWindow;
    private double _largestRequestWindow;

    public DeploymentRateController(DeploymentQuota configured, RateControlOptions options, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(options);
        _configured = configured;
        _options = options;
        _started = now;
        _lastRaise = now;
        Tokens = new AdaptiveRate(configured.TokensPerMinute * options.CeilingUse / 60.0, options.BurstSeconds, now);
        Requests = new AdaptiveRate(configured.RequestsPerMinute * options.CeilingUse / 60.0, options.BurstSeconds, now);
    }

    public AdaptiveRate Tokens { get; }

    public AdaptiveRate Requests { get; }

    /// <summary>This process's share of the deployment's quota (1 when it is the only caller).</summary>
    public double Share { get; private set; } = 1;

    /// <summary>429s that cut the rate (the others fell in a burst already answered).</summary>
    public int Cuts { get; private set; }

    /// <summary>
    /// Whether headroom the <c>remaining</c> headers report may be spent beyond the paced rate: only until the
    /// deployment's rate first runs out, which is the opening allowance spent.
    /// </summary>
    public bool SpendsHeadroom { get; private set; } = true;

    /// <summary>Gives a call charged <paramref name="tokens"/> its place in line; <paramref name="wait"/> is how long it must wait first.</summary>
    public RateTicket Reserve(int tokens, TimeSpan now, out TimeSpan wait)
    {
        var ticket = new RateTicket(++_sequence, tokens, Tokens.Reserve(tokens, now), Requests.Reserve(1, now), Tokens.Sent, Requests.Sent);
        wait = WaitFor(ticket, now);
        return ticket;
    }

    /// <summary>How much longer the call must wait: asked again each time it has waited, since 429s, cuts and raises move its turn.</summary>
    public TimeSpan WaitFor(RateTicket ticket, TimeSpan now) =>
        Max(Max(Tokens.WaitFor(ticket.TokensThrough, now), Requests.WaitFor(ticket.RequestsThrough, now)), PausedFor(now));

    /// <summary>
    /// The call goes out now. What was sent after it, unlike what was reserved after it, is what the service had not
    /// counted when it answered.
    /// </summary>
    public RateTicket Sending(RateTicket ticket, TimeSpan now) =>
        ticket with { TokensBefore = Tokens.Send(ticket.Tokens, now), RequestsBefore = Requests.Send(1, now), SentAt = now, IsSent = true };

    /// <summary>How much longer a 429 holds every admission.</summary>
    public TimeSpan PausedFor(TimeSpan now) => _pausedUntil > now ? _pausedUntil - now : TimeSpan.Zero;

    /// <summary>The call was answered (the service admitted it).</summary>
    public void Answered(RateTicket ticket, RateSignal signal, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Learn(signal, now);
        Remember(false, now);
        _burstsWithoutAnswer = 0;
        _answered.Enqueue((now, ticket.Tokens));
        _answeredTokens += ticket.Tokens;
        while (_answered.TryPeek(out var oldest) && now - oldest.At > MeasureWindow)
        {
            _answeredTokens -= _answered.Dequeue().Tokens;
        }

        _largestTokenWindow = Math.Max(_largestTokenWindow, (signal.RemainingTokens ?? 0) + ticket.Tokens);
        _largestRequestWindow = Math.Max(_largestRequestWindow, (signal.RemainingRequests ?? 0) + 1);

        // Unpaced so far, and the headers say what is already sent will use up what is left: start pacing, before the
        // service has to refuse anything, and stop spending headroom (it is spent).
        if (!Tokens.Known && signal.RemainingTokens is { } tokensLeft && tokensLeft * Share < Tokens.Reserved - (ticket.TokensBefore + ticket.Tokens))
        {
            Tokens.Cut(1, SeedTokensPerSecond(now), now);
            SpendsHeadroom = false;
        }

        if (!Requests.Known && signal.RemainingRequests is { } requestsLeft && requestsLeft * Share < Requests.Reserved - (ticket.RequestsBefore + 1))
        {
            Requests.Cut(1, SeedRequestsPerSecond(now), now);
            SpendsHeadroom = false;
        }

        Observe(ticket, signal, UnevenCalls, now);

        var clean = (now - Max(_lastRaise, _pausedUntil)).TotalSeconds;
        if (clean >= 1)
        {
            Tokens.Raise(_options.IncreasePerSecond, Math.Min(clean, 2), now);
            Requests.Raise(_options.IncreasePerSecond, Math.Min(clean, 2), now);
            _lastRaise = now;
        }
    }

    /// <summary>
    /// The call was answered 429. When the deployment's rate ran out (see <see cref="RateRanOut"/>): pause every call
    /// for the service's wait and cut the rate, once per burst. Otherwise only this call waits (its retry policy's job).
    /// </summary>
    public void Throttled(RateTicket ticket, TimeSpan? retryAfter, RateSignal signal, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Learn(signal, now);
        Remember(true, now);
        // The service did not count the refused call; its retry takes a new place.
        Release(ticket, now);
        Observe(ticket, signal, 0, now);
        var asked = retryAfter ?? TimeSpan.FromSeconds(_options.DefaultPauseSeconds);
        if (!RateRanOut(ticket, signal))
        {
            // Only this call was refused: it waits out its own retry-after; the others go on.
            return;
        }

        if (ticket.Sequence <= _cutAfter)
        {
            Pause(now + asked, now);
            return;
        }

        // Bursts refused one after another with nothing answered between them (a storm, or a deployment that only
        // answers 429): each pause doubles, so the calls waiting send a probe now and then, not a flood.
        _burstsWithoutAnswer++;
        var backoff = TimeSpan.FromTicks(asked.Ticks * (1L << Math.Min(_burstsWithoutAnswer - 1, 10)));
        var pause = backoff > MaxPause ? Max(MaxPause, asked) : backoff;
        _cutAfter = _sequence;
        SpendsHeadroom = false;
        if (!signal.HasRemaining && !Tokens.Known)
        {
            // Nothing says what the rate is: a rate measured from a few refusals early in a run (or a service refusing
            // for reasons of its own) would pace the whole run at a fraction of the quota. The doubling pause holds the
            // calls instead.
            Pause(now + pause, now);
            return;
        }

        Cuts++;

        // The headers name the limit that ran out; without them tokens are the usual one, and cutting them slows requests too.
        var requestsRanOut = signal.RemainingRequests is <= 0 && !(signal.RemainingTokens < ticket.Tokens);
        if (requestsRanOut)
        {
            Requests.Cut(Factor(Requests), SeedRequestsPerSecond(now), now);
        }
        else
        {
            Tokens.Cut(Factor(Tokens), SeedTokensPerSecond(now), now);
        }

        Pause(now + pause, now);
    }

    /// <summary>A call that will not be sent after all (or that the service refused): its cost goes back.</summary>
    public void Release(RateTicket ticket, TimeSpan now)
    {
        Tokens.Release(ticket.Tokens, ticket.IsSent, now);
        Requests.Release(1, ticket.IsSent, now);
    }

    private void Pause(TimeSpan until, TimeSpan now)
    {
        _pausedUntil = Max(_pausedUntil, until);
        _lastRaise = _pausedUntil;
        Tokens.Hold(_pausedUntil, now);
        Requests.Hold(_pausedUntil, now);
    }

    /// <summary>
    /// Whether the 429 says this deployment's rate ran out (cut it) or only that this call was refused (just pause).
    /// The remaining counts tell; without them, the share of 429s among the recent answers.
    /// </summary>
    private bool RateRanOut(RateTicket ticket, RateSignal signal)
    {
        if (signal.HasRemaining)
        {
            return signal.RemainingTokens < ticket.Tokens || signal.RemainingRequests < 1;
        }

        return _recentThrottled >= Math.Max(CongestedCount, CongestedShare * _recent.Count);
    }

    private void Remember(bool throttled, TimeSpan now)
    {
        _recent.Enqueue((now, throttled));
        _recentThrottled += throttled ? 1 : 0;
        while (_recent.TryPeek(out var oldest) && now - oldest.At > RecentOutcomes)
        {
            _recentThrottled -= _recent.Dequeue().Throttled ? 1 : 0;
        }
    }

    /// <summary>Tokens the service admitted per second lately.</summary>
    public double MeasuredTokensPerSecond(TimeSpan now) => _answeredTokens / MeasuredSeconds(now);

    public double MeasuredRequestsPerSecond(TimeSpan now) => _answered.Count / MeasuredSeconds(now);

    /// <summary>
    /// The rate an unknown quota is first paced at: what the service admitted lately, or, when more, the largest window
    /// its headers ever reported (remaining plus the call just admitted) spread over Azure's 10 s window. Early in a run
    /// the second is the better guess: the admitted rate then is only the calls sent in the first second or two.
    /// </summary>
    private double SeedTokensPerSecond(TimeSpan now) =>
        Math.Max(MeasuredTokensPerSecond(now), _largestTokenWindow * Share / ShortestMeasure.TotalSeconds);

    private double SeedRequestsPerSecond(TimeSpan now) =>
        Math.Max(MeasuredRequestsPerSecond(now), _largestRequestWindow * Share / ShortestMeasure.TotalSeconds);

    private double MeasuredSeconds(TimeSpan now) =>
        Math.Clamp((now - _started).TotalSeconds, ShortestMeasure.TotalSeconds, MeasureWindow.TotalSeconds);

    /// <summary>Several processes share the deployment: this one takes <paramref name="share"/> of its quota.</summary>
    public void SetShare(double share, TimeSpan now)
    {
        share = Math.Clamp(share, 0.01, 1);
        if (Math.Abs(share - Share) < 1e-9)
        {
            return;
        }

        var wasShare = Share;
        Share = share;
        ApplyCeilings(now);
        // A learned rate without a ceiling was this process's share of what was left: scale it like the ceiling.
        if (double.IsPositiveInfinity(Tokens.Ceiling) && Tokens.Known)
        {
            Tokens.Cut(share / wasShare, 0, now);
        }
    }

    private double Factor(AdaptiveRate rate) =>
        double.IsPositiveInfinity(rate.Ceiling) ? _options.Decrease : _options.DecreaseUnderCeiling;

    private void Learn(RateSignal signal, TimeSpan now)
    {
        if (signal.LimitTokens is > 0 && signal.LimitTokens != _limitTokens || signal.LimitRequests is > 0 && signal.LimitRequests != _limitRequests)
        {
            _limitTokens = signal.LimitTokens ?? _limitTokens;
            _limitRequests = signal.LimitRequests ?? _limitRequests;
            ApplyCeilings(now);
        }
    }

    /// <summary>The service's own limit wins over a configured one; both are shared with the other processes.</summary>
    private void ApplyCeilings(TimeSpan now)
    {
        var tokensPerMinute = _limitTokens ?? _configured.TokensPerMinute;
        var requestsPerMinute = _limitRequests ?? _configured.RequestsPerMinute;
        if (tokensPerMinute > 0)
        {
            Tokens.SetCeiling(tokensPerMinute * Share * _options.CeilingUse / 60.0, now);
        }

        if (requestsPerMinute > 0)
        {
            Requests.SetCeiling(requestsPerMinute * Share * _options.CeilingUse / 60.0, now);
        }
    }

    /// <summary>The remaining headers, less <paramref name="roomCalls"/> calls' worth (at most <see cref="MaxRoomShare"/> of the window).</summary>
    private void Observe(RateTicket ticket, RateSignal signal, double roomCalls, TimeSpan now)
    {
        if (signal.RemainingTokens is { } tokens)
        {
            Tokens.ObserveRemaining(tokens, Math.Min(roomCalls * ticket.Tokens, MaxRoomShare * _largestTokenWindow * Share), ticket.TokensBefore + ticket.Tokens, ticket.SentAt, Share, SpendsHeadroom, now);
        }

        if (signal.RemainingRequests is { } requests)
        {
            Requests.ObserveRemaining(requests, Math.Min(roomCalls, MaxRoomShare * _largestRequestWindow * Share), ticket.RequestsBefore + 1, ticket.SentAt, Share, SpendsHeadroom, now);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
