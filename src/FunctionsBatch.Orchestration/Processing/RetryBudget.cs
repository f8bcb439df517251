namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// How many retries one chunk may spend in all. Under a 429 storm every record would otherwise retry to its
/// attempt limit and multiply the spend; once the budget is gone, failures fail at once.
/// </summary>
public sealed class RetryBudget(int retries)
{
    private int _remaining = retries;

    public static RetryBudget ForChunk(int records, double ratio) =>
        new(Math.Max(MinimumRetries, (int)Math.Ceiling(records * ratio)));

    public const int MinimumRetries = 3;

    public int Remaining => Volatile.Read(ref _remaining);

    public bool TryConsume() => Interlocked.Decrement(ref _remaining) >= 0;
}
