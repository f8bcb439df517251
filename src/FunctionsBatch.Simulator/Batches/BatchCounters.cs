using FunctionsBatch.Core.Batch;

namespace FunctionsBatch.Simulator.Batches;

/// <summary>Batch API totals, kept apart from the online chat counters: batch tokens are billed at the batch price.</summary>
public sealed class BatchCounters
{
    private long _created;
    private long _completed;
    private long _expired;
    private long _failed;
    private long _cancelled;
    private long _quotaRejected;
    private long _lines;
    private long _linesSucceeded;
    private long _linesFailed;
    private long _linesExpired;
    private long _promptTokens;
    private long _completionTokens;

    public void Created(int lines)
    {
        Interlocked.Increment(ref _created);
        Interlocked.Add(ref _lines, lines);
    }

    public void QuotaRejected() => Interlocked.Increment(ref _quotaRejected);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Finished(string status)
    {
        switch (status)
        {
            case BatchStatuses.Completed:
                Interlocked.Increment(ref _completed);
                break;
            case BatchStatuses.Expired:
                Interlocked.Increment(ref _expired);
                break;
            case BatchStatuses.Cancelled:
                Interlocked.Increment(ref _cancelled);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }
    }

    public void LineSucceeded(long promptTokens, long completionTokens)
    {
        Interlocked.Increment(ref _linesSucceeded);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
    }

    public void LineFailed() => Interlocked.Increment(ref _linesFailed);

    public void LineExpired() => Interlocked.Increment(ref _linesExpired);

    public BatchStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _created),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _expired),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _cancelled),
        Interlocked.Read(ref _quotaRejected),
        Interlocked.Read(ref _lines),
        Interlocked.Read(ref _linesSucceeded),
        Interlocked.Read(ref _linesFailed),
        Interlocked.Read(ref _linesExpired),
        Interlocked.Read(ref _promptTokens),
        Interlocked.Read(ref _completionTokens));
}
