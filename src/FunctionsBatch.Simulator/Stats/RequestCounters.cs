using FunctionsBatch.Simulator.Faults;

namespace FunctionsBatch.Simulator.Stats;

/// <summary>Lock-free counters for one scope (the whole simulator or one deployment).</summary>
public sealed class RequestCounters
{
    private readonly long[] _faults = new long[FaultKinds.All.Count];
    private long _requests;
    private long _succeeded;
    private long _throttled;
    private long _failed;
    private long _promptTokens;
    private long _completionTokens;

    public void Received() => Interlocked.Increment(ref _requests);

    public void Faulted(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    public void Completed(RequestOutcome outcome, long promptTokens, long completionTokens)
    {
        switch (outcome)
        {
            case RequestOutcome.Succeeded:
                Interlocked.Increment(ref _succeeded);
                Interlocked.Add(ref _promptTokens, promptTokens);
                Interlocked.Add(ref _completionTokens, completionTokens);
                break;
            case RequestOutcome.Throttled:
                Interlocked.Increment(ref _throttled);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }
    }

    public CountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _succeeded),
        Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _promptTokens),
        Interlocked.Read(ref _completionTokens),
        FaultKinds.All.ToDictionary(FaultKinds.Name, k => Interlocked.Read(ref _faults[(int)k]), StringComparer.Ordinal));
}
