using FunctionsBatch.Simulator.Faults;

namespace FunctionsBatch.Simulator.Stats;

/// <summary>
/// One received request, bound to the counters current when it arrived, so a reset while it is in flight
/// does not leave a completion without its arrival.
/// </summary>
public sealed class TrackedRequest
{
    private readonly RequestCounters _total;
    private readonly RequestCounters _deployment;
    private int _completed;

    internal TrackedRequest(RequestCounters total, RequestCounters deployment)
    {
        _total = total;
        _deployment = deployment;
        _total.Received();
        _deployment.Received();
    }

    /// <summary>Counts one injected fault; a request may carry more than one (slow, then a 500).</summary>
    public void Faulted(FaultKind kind)
    {
        _total.Faulted(kind);
        _deployment.Faulted(kind);
    }

    /// <summary>Records the outcome once; later calls are ignored.</summary>
    public void Complete(RequestOutcome outcome, long promptTokens = 0, long completionTokens = 0)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return;
        }

        _total.Completed(outcome, promptTokens, completionTokens);
        _deployment.Completed(outcome, promptTokens, completionTokens);
    }
}
