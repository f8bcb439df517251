using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Batch;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>A batch processor whose answers come from callbacks; it records every call.</summary>
public sealed class FakeBatchProcessor : IBatchProcessor
{
    public ConcurrentQueue<BatchSubmitRequest> Submits { get; } = new();

    public ConcurrentQueue<BatchCollectRequest> Collects { get; } = new();

    public ConcurrentQueue<BatchLeftoversRef> OnlineLeftovers { get; } = new();

    public Func<BatchSubmitRequest, BatchSubmitResult> OnSubmit { get; set; } = r => Submitted($"batch-{r.Round}-{r.Attempt}");

    public Func<BatchCollectRequest, BatchCollectResult> OnCollect { get; set; } = r => new BatchCollectResult(BatchSummary(r.ChunkIndex, 10, 0), 0);

    public static BatchSubmitResult Submitted(string batchId) =>
        new(new BatchJob(batchId, "validating", null, null, 10, 0, 0), 10, 6_000, false, false, null);

    public static BatchSubmitResult QuotaFull() => new(null, 10, 6_000, true, false, null);

    public static ChunkSummary BatchSummary(int chunk, int succeeded, int resubmitted) =>
        new(chunk, RunModes.Batch, new RunCounters
        {
            Records = succeeded, Succeeded = succeeded, Requests = succeeded + resubmitted, Usage = new TokenUsage(600L * (succeeded + resubmitted), 0, 20L * succeeded),
            FailedLines = resubmitted, ResubmittedLines = resubmitted,
        }, 1);

    public Task<BatchSubmitResult> SubmitAsync(BatchSubmitRequest request, CancellationToken cancellationToken)
    {
        Submits.Enqueue(request);
        return Task.FromResult(OnSubmit(request));
    }

    public Task<BatchCollectResult> CollectAsync(BatchCollectRequest request, CancellationToken cancellationToken)
    {
        Collects.Enqueue(request);
        return Task.FromResult(OnCollect(request));
    }

    public Task<ChunkSummary> ProcessLeftoversOnlineAsync(BatchLeftoversRef leftovers, CancellationToken cancellationToken)
    {
        OnlineLeftovers.Enqueue(leftovers);
        return Task.FromResult(new ChunkSummary(leftovers.ChunkIndex, RunModes.Online, new RunCounters { Records = 3, Succeeded = 3, Requests = 3, Usage = new TokenUsage(1_800, 0, 60) }, 1));
    }
}
