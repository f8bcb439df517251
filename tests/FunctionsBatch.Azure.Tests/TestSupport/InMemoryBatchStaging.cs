using System.Collections.Concurrent;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>A batch chunk's submissions and line lists, in memory, plus an enqueued-token ledger that always has room.</summary>
public sealed class InMemoryBatchStaging : IBatchStaging, IEnqueuedTokenLedger
{
    private readonly ConcurrentDictionary<BatchSubmitRequest, BatchSubmitResult> _submissions = new();
    private readonly ConcurrentDictionary<(string RunId, int ChunkIndex, int Round), IReadOnlyList<int>> _submitted = new();
    private readonly ConcurrentDictionary<(string RunId, int ChunkIndex, int Round), IReadOnlyList<int>> _leftovers = new();

    public ConcurrentDictionary<string, long> Reserved { get; } = new(StringComparer.Ordinal);

    public Task<BatchSubmitResult?> GetSubmissionAsync(BatchSubmitRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_submissions.GetValueOrDefault(request));

    public Task SaveSubmissionAsync(BatchSubmitRequest request, BatchSubmitResult result, CancellationToken cancellationToken)
    {
        _submissions[request] = result;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> GetLeftoversAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken) =>
        Task.FromResult(_leftovers.GetValueOrDefault((runId, chunkIndex, round), []));

    public Task<IReadOnlyList<int>> GetSubmittedAsync(string runId, int chunkIndex, int round, CancellationToken cancellationToken) =>
        Task.FromResult(_submitted.GetValueOrDefault((runId, chunkIndex, round), []));

    public Task SaveSubmittedAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken)
    {
        _submitted[(runId, chunkIndex, round)] = lines;
        return Task.CompletedTask;
    }

    public Task SaveLeftoversAsync(string runId, int chunkIndex, int round, IReadOnlyList<int> lines, CancellationToken cancellationToken)
    {
        _leftovers[(runId, chunkIndex, round)] = lines;
        return Task.CompletedTask;
    }

    public Task<bool> TryReserveAsync(string deployment, string key, long tokens, long quota, CancellationToken cancellationToken)
    {
        Reserved[key] = tokens;
        return Task.FromResult(true);
    }

    public Task ReleaseAsync(string deployment, string key, CancellationToken cancellationToken)
    {
        Reserved.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
