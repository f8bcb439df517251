namespace FunctionsBatch.Orchestration.Batch;

/// <summary>
/// Enqueued-token reservations per deployment for the configured quota: a batch chunk reserves its tokens before it
/// creates its batch and releases them when it has collected it. Reserving is atomic across hosts and activities.
/// </summary>
public interface IEnqueuedTokenLedger
{
    /// <summary>
    /// Reserves <paramref name="tokens"/> under <paramref name="key"/> (one per batch chunk; reserving again replaces
    /// it) if everything reserved for the deployment, this included, stays within <paramref name="quota"/>.
    /// </summary>
    Task<bool> TryReserveAsync(string deployment, string key, long tokens, long quota, CancellationToken cancellationToken);

    Task ReleaseAsync(string deployment, string key, CancellationToken cancellationToken);
}
