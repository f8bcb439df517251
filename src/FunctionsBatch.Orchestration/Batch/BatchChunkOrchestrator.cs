using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Orchestration.Batch;

/// <summary>
/// One chunk through the Batch API: submit, poll with durable timers (no compute held while the batch runs),
/// collect, and send what failed or expired round again (online, or in a new batch up to
/// <see cref="BatchOptions.MaxResubmits"/>, then online), until every record has its row. A full enqueued-token
/// quota makes it wait on a timer and try again; a cancel cancels the remote batch and keeps what it answered.
/// </summary>
public sealed class BatchChunkOrchestrator : TaskOrchestrator<BatchChunkInput, BatchChunkResult>
{
    public override async Task<BatchChunkResult> RunAsync(TaskOrchestrationContext context, BatchChunkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<BatchChunkOrchestrator>();
        var cancelRequested = context.WaitForExternalEvent<string>(RunEvents.Cancel);
        var options = input.Options;
        var totals = ChunkTotals.None;
        var batches = 0;
        var quotaWaits = 0;
        var goOnline = false;
        var submissions = 0;
        var settledCounted = false;
        for (var round = 0; ; round++)
        {
            if (cancelRequested.IsCompleted)
            {
                return new BatchChunkResult(totals, batches, quotaWaits, true);
            }

            goOnline = goOnline || PastCutoff(context, input);
            if (goOnline || (round > 0 && (options.Resubmit == BatchResubmit.Online || round > options.MaxResubmits)))
            {
                var leftovers = await context.CallActivityAsync<ChunkSummary>(
                    nameof(ProcessBatchLeftoversActivity), new BatchLeftoversRef(input.RunId, input.ChunkIndex, round), ChunkDispatcher.ActivityRetry);
                return new BatchChunkResult(totals.Plus(leftovers), batches, quotaWaits, false);
            }

            BatchSubmitResult submitted;
            #pragma warning disable DURABLE0011 // bounded: each quota wait ends the loop at the batch's cutoff, a cancel or a submitted batch
            while (true)
            {
                // Every submission gets its own number, so a redone activity finds its own batch and a new try makes a new one.
                submitted = await context.CallActivityAsync<BatchSubmitResult>(
                    nameof(SubmitBatchActivity), new BatchSubmitRequest(input.RunId, input.ChunkIndex, round, submissions++), ChunkDispatcher.ActivityRetry);
                if (submitted.Batch is { } created && !created.FailedForQuota && !submitted.QuotaFull)
                {
                    break;
                }

                if (submitted.Batch is null && !submitted.QuotaFull)
                {
                    break;
                }

                quotaWaits++;
                logger.LogInformation("Run {RunId} chunk {ChunkIndex}: enqueued-token quota full, waiting {Wait}", input.RunId, input.ChunkIndex, options.QuotaWait);
                if (!await WaitAsync(context, options.QuotaWait, cancelRequested))
                {
                    return new BatchChunkResult(settledCounted || submitted.Settled is null ? totals : totals.Plus(submitted.Settled), batches, quotaWaits, true);
                }

                if (PastCutoff(context, input))
                {
                    // Waiting for room took the time the batch had: what was to be submitted goes online.
                    break;
                }
            }
            #pragma warning restore DURABLE0011

            if (round == 0 && !settledCounted && submitted.Settled is { } settled)
            {
                totals = totals.Plus(settled);
                settledCounted = true;
            }

            if (submitted.Batch is null || submitted.QuotaFull)
            {
                if (submitted.OnlineInstead || submitted.QuotaFull)
                {
                    goOnline = true;
                    round--;
                    continue;
                }

                return new BatchChunkResult(totals, batches, quotaWaits, false);
            }

            batches++;
            var (job, canceled, cutOff) = await PollAsync(context, input, submitted.Batch, cancelRequested);
            if (job.FailedForQuota)
            {
                // The service took the file but refused the batch at validation: wait, then submit the round again.
                quotaWaits++;
                if (!await WaitAsync(context, options.QuotaWait, cancelRequested))
                {
                    return new BatchChunkResult(totals, batches, quotaWaits, true);
                }

                round--;
                continue;
            }

            var collected = await context.CallActivityAsync<BatchCollectResult>(
                nameof(CollectBatchActivity), new BatchCollectRequest(input.RunId, input.ChunkIndex, round, job, canceled, cutOff), ChunkDispatcher.ActivityRetry);
            totals = totals.Plus(collected.Summary);
            if (canceled || collected.Leftovers == 0)
            {
                return new BatchChunkResult(totals, batches, quotaWaits, canceled);
            }

            goOnline = cutOff || PastCutoff(context, input);
        }
    }

    private static bool PastCutoff(TaskOrchestrationContext context, BatchChunkInput input) =>
        input.CutoffUtc is { } cutoff && context.CurrentUtcDateTime >= cutoff;

    /// <summary>Polls until the batch is terminal; a cancel or the deadline cut-off cancels it remotely first.</summary>
    private static async Task<(BatchJob Job, bool Canceled, bool CutOff)> PollAsync(
        TaskOrchestrationContext context, BatchChunkInput input, BatchJob job, Task<string> cancelRequested)
    {
        var schedule = new PollSchedule(input.Options.PollInitial, input.Options.PollMax);
        var wait = schedule.Initial;
        var canceled = false;
        var cutOff = false;
        while (!job.IsTerminal)
        {
            var due = context.CurrentUtcDateTime + wait;
            if (!canceled && !cutOff && input.CutoffUtc is { } cutoff && due > cutoff)
            {
                due = cutoff > context.CurrentUtcDateTime ? cutoff : context.CurrentUtcDateTime;
            }

            using (var timerCancel = new CancellationTokenSource())
            {
                var timer = context.CreateTimer(due, timerCancel.Token);
                if (canceled)
                {
                    await timer;
                }
                else if (await Task.WhenAny(timer, cancelRequested) == cancelRequested)
                {
                    timerCancel.Cancel();
                    canceled = true;
                    job = await context.CallActivityAsync<BatchJob>(nameof(CancelBatchActivity), job.Id, ChunkDispatcher.ActivityRetry);
                    continue;
                }
            }

            if (!canceled && !cutOff && input.CutoffUtc is { } at && context.CurrentUtcDateTime >= at)
            {
                cutOff = true;
                job = await context.CallActivityAsync<BatchJob>(nameof(CancelBatchActivity), job.Id, ChunkDispatcher.ActivityRetry);
                continue;
            }

            job = await context.CallActivityAsync<BatchJob>(nameof(GetBatchStatusActivity), job.Id, ChunkDispatcher.ActivityRetry);
            wait = schedule.Next(wait);
        }

        return (job, canceled, cutOff);
    }

    /// <summary>A durable timer that a cancel cuts short; false when cancelled.</summary>
    private static async Task<bool> WaitAsync(TaskOrchestrationContext context, TimeSpan wait, Task<string> cancelRequested)
    {
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(context.CurrentUtcDateTime + wait, timerCancel.Token);
        if (await Task.WhenAny(timer, cancelRequested) == cancelRequested)
        {
            timerCancel.Cancel();
            return false;
        }

        return true;
    }
}
