namespace FunctionsBatch.Core.Tests.Throttling;

/// <summary>
/// The common script, in virtual time: callers that send one call after another with no pacing, and on a 429 all
/// pause for the service's retry-after and send again (the quota benchmark's <c>burst-pause-on-429</c>).
/// </summary>
internal sealed class BurstCallers(WindowedDeployment deployment, int callers, int tokensPerCall, TimeSpan latency)
{
    private readonly PriorityQueue<Action, TimeSpan> _events = new();
    private TimeSpan _now;
    private TimeSpan _pausedUntil;
    private int _toAdmit;

    /// <summary>When the last of <paramref name="calls"/> calls was answered.</summary>
    public TimeSpan Finish(TimeSpan start, int calls)
    {
        _toAdmit = calls;
        for (var i = 0; i < callers; i++)
        {
            At(start, Send);
        }

        while (_events.TryDequeue(out var next, out var at))
        {
            _now = at;
            next();
        }

        return _now;
    }

    private void Send()
    {
        if (_toAdmit <= 0)
        {
            return;
        }

        if (_pausedUntil > _now)
        {
            At(_pausedUntil, Send);
            return;
        }

        _toAdmit--;
        var (admitted, _, retryAfter) = deployment.Send(tokensPerCall, _now);
        At(_now + latency, () =>
        {
            if (!admitted)
            {
                _toAdmit++;
                _pausedUntil = _now + retryAfter > _pausedUntil ? _now + retryAfter : _pausedUntil;
            }

            Send();
        });
    }

    private void At(TimeSpan at, Action action) => _events.Enqueue(action, at);
}
