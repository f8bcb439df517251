using System.Collections.Concurrent;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>
/// Batches that report in_progress for <see cref="PollsUntilDone"/> status reads, then completed; a cancelled batch
/// reports cancelling once, then cancelled. Only the status and cancel calls are used by the orchestration.
/// </summary>
public sealed class FakeBatchModelClient : IBatchModelClient
{
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _cancelled = new(StringComparer.Ordinal);

    public int PollsUntilDone { get; set; } = 3;

    /// <summary>Status of a finished batch that is not cancelled.</summary>
    public string FinalStatus { get; set; } = BatchStatuses.Completed;

    public ConcurrentQueue<string> Cancels { get; } = new();

    public int ReadsOf(string batchId) => _reads.GetValueOrDefault(batchId);

    public Task<BatchJob> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        var reads = _reads.AddOrUpdate(batchId, 1, (_, n) => n + 1);
        var status = _cancelled.ContainsKey(batchId) ? BatchStatuses.Cancelled
            : reads >= PollsUntilDone ? FinalStatus
            : BatchStatuses.InProgress;
        return Task.FromResult(new BatchJob(batchId, status, $"{batchId}-out", null, 10, 0, 0,
            status == BatchStatuses.Failed ? BatchJob.TokenLimitExceeded : null));
    }

    public Task<BatchJob> CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        Cancels.Enqueue(batchId);
        _cancelled[batchId] = true;
        return Task.FromResult(new BatchJob(batchId, BatchStatuses.Cancelling, null, null, 10, 0, 0));
    }

    public Task<string> UploadAsync(Stream jsonl, string fileName, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the orchestration never uploads: the submit activity does");

    public Task<BatchJob> CreateAsync(string inputFileId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the orchestration never creates: the submit activity does");

    public IAsyncEnumerable<string> ReadLinesAsync(string fileId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the orchestration never reads files: the collect activity does");
}
