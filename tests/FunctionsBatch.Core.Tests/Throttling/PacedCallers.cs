using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Core.Tests.Throttling;

/// <summary>
/// Callers that go through one <see cref="DeploymentRateController"/> the way the pipeline's decorators do, in
/// virtual time: reserve, wait (asking again when the wait is over), send, report the answer; a 429 waits
/// its retry-after and goes through the controller again. Each caller sends one call after another; each call reaches
/// the service up to <c>arrivalJitter</c> after it was sent (a busy machine, a network), in an order of its own.
/// </summary>
internal sealed class PacedCallers(DeploymentRateController controller, WindowedDeployment deployment, int callers, int tokensPerCall, TimeSpan latency, TimeSpan arrivalJitter = default)
{
    private readonly Random _random = new(17);
    private readonly PriorityQueue<Action, TimeSpan> _events = new();
    private TimeSpan _now;
    private TimeSpan _steadyFrom;
    private int _toAdmit = int.MaxValue;

    /// <summary>Tokens admitted from the start of the steady state on.</summary>
    public long SteadyTokens { get; private set; }

    /// <summary>When the last of <paramref name="calls"/> calls was answered, every caller sending until they are all admitted.</summary>
    public TimeSpan Finish(TimeSpan start, int calls)
    {
        _toAdmit = calls;
        Run(start, TimeSpan.FromHours(1), TimeSpan.Zero);
        return _now;
    }

    /// <summary>Runs every caller for <paramref name="duration"/>, counting what is admitted after <paramref name="steadyAfter"/>.</summary>
    public void Run(TimeSpan start, TimeSpan duration, TimeSpan steadyAfter)
    {
        _steadyFrom = start + steadyAfter;
        for (var i = 0; i < callers; i++)
        {
            At(start, Reserve);
        }

        var end = start + duration;
        while (_events.TryDequeue(out var next, out var at) && at <= end)
        {
            _now = at;
            next();
        }
    }

    private void Reserve()
    {
        if (_toAdmit <= 0)
        {
            return;
        }

        _toAdmit--;
        var ticket = controller.Reserve(tokensPerCall, _now, out var wait);
        At(_now + wait, () => Wake(ticket));
    }

    private void Wake(RateTicket ticket)
    {
        var wait = controller.WaitFor(ticket, _now);
        if (wait > TimeSpan.Zero)
        {
            At(_now + wait, () => Wake(ticket));
            return;
        }

        ticket = controller.Sending(ticket, _now);
        At(_now + (arrivalJitter * _random.NextDouble()), () => Arrive(ticket));
    }

    /// <summary>The call reaches the service, some time after it was sent (a busy machine, a network).</summary>
    private void Arrive(RateTicket ticket)
    {
        var (admitted, remaining, retryAfter) = deployment.Send(tokensPerCall, _now);
        if (admitted && _now >= _steadyFrom)
        {
            SteadyTokens += tokensPerCall;
        }

        At(_now + latency, () =>
        {
            var signal = new RateSignal(RemainingTokens: (int)remaining);
            if (admitted)
            {
                controller.Answered(ticket, signal, _now);
                Reserve();
            }
            else
            {
                controller.Throttled(ticket, retryAfter, signal, _now);
                _toAdmit++;
                At(_now + retryAfter, Reserve);
            }
        });
    }

    private void At(TimeSpan at, Action action) => _events.Enqueue(action, at);
}
