namespace FunctionsBatch.Orchestration.Batch;

/// <summary>Tokens this app has enqueued per deployment in batches not yet collected, for the enqueued-token quota.</summary>
public interface IEnqueuedTokenLedger
{
    Task<long> EnqueuedAsync(string deployment, CancellationToken cancellationToken);

    Task AddAsync(string deployment, string batchId, long tokens, CancellationToken cancellationToken);

    Task RemoveAsync(string deployment, string batchId, CancellationToken cancellationToken);
}
