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
    private long _billedTokens;

    public void Received() => Interlocked.Increment(ref _requests);

    public void Faulted(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    /// <param name="promptTokens">With a failed outcome: an answer the model produced and the client never got whole (billed all the same).</param>
    public void Completed(RequestOutcome outcome, long promptTokens, long completionTokens)
    {
        Interlocked.Add(ref _billedTokens, promptTokens + completionTokens);
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
        Interlocked.Read(ref _billedTokens),
        FaultKinds.All.ToDictionary(FaultKinds.Name, k => Interlocked.Read(ref _faults[(int)k]), StringComparer.Ordinal));
}
