using System.Collections.Concurrent;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>A model whose answer to each request comes from a callback; every request is recorded.</summary>
public sealed class FakeChatModelClient(Func<ChatCallRequest, ChatCallResult> respond) : IChatModelClient
{
    private readonly ConcurrentQueue<ChatCallRequest> _requests = new();

    public IReadOnlyList<ChatCallRequest> Requests => _requests.ToArray();

    public Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        return Task.FromResult(respond(request));
    }
}
