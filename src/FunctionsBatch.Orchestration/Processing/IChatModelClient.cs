namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// One chat completion. Implementations never throw for a model-side failure: they return it as a failed
/// <see cref="ChatCallResult"/> so one bad record cannot fail its chunk. Decorators add retries and pacing.
/// </summary>
public interface IChatModelClient
{
    Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken);
}
