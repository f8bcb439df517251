using System.Globalization;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// The sliding window of chunk activities, shared by a run's own orchestration (small runs) and its chunk
/// group sub-orchestrations (large ones). The window adapts to the 429s chunks report; a cancel request or
/// a failure rate over the spec's threshold stops dispatching, and chunks in flight are always awaited. A chunk that
/// comes back with records deferred (still rate limited at its time limit) is sent again at once with the same throttle
/// deadline; only its final summary counts. Once the run stops, a deferred chunk goes again with its deadline now, so
/// what is still throttled fails as <c>rate_limited</c> rather than waiting.
/// </summary>
internal static class ChunkDispatcher
{
    public static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <param name="before">What the run finished before this range: the failure threshold counts the whole run.</param>
    /// <param name="onProgress">Called after every finished chunk, with the totals of this range.</param>
    /// <param name="runDeadline">When the run must be done (its start + the spec's deadline): no record waits out 429s past it.</param>
    public static async Task<DispatchResult> RunAsync(
        TaskOrchestrationContext context,
        string runId,
        JobSpec spec,
        int firstChunk,
        int endChunk,
        AdaptiveWindow window,
        Task<string> cancelRequested,
        ChunkTotals before,
        Action<ChunkTotals, string> onProgress,
        DateTime? runDeadline = null)
    {
        var inFlight = new Dictionary<Task<ChunkSummary>, (long Ticket, ChunkRef Chunk)>();
        var totals = ChunkTotals.None;
        var nextChunk = firstChunk;
        // IsCompleted is replay-safe: a cancel raised earlier is replayed at the same point every time.
        var canceled = cancelRequested.IsCompleted;
        string? hopeless = null;
        string? overBudget = null;
        onProgress(totals, canceled ? RunPhases.Canceling : RunPhases.Processing);
        #pragma warning disable DURABLE0011 // bounded by the group's chunks (ChunksPerGroup), and re-sends of deferred chunks by the run's throttle wait and deadline
        while (true)
        {
            var limit = spec.BudgetUsd is not null && before.Plus(totals).Chunks == 0 ? 1 : window.Current;
            while (!canceled && hopeless is null && overBudget is null && nextChunk < endChunk && inFlight.Count < limit)
            {
                if (BudgetStop(spec, before.Plus(totals), inFlight.Count) is { } reason)
                {
                    overBudget = reason;
                    break;
                }

                var chunk = new ChunkRef(runId, nextChunk++, ThrottleDeadline(context, spec, runDeadline));
                inFlight.Add(context.CallActivityAsync<ChunkSummary>(nameof(ProcessChunkActivity), chunk, ActivityRetry), (window.Dispatched(), chunk));
            }

            if (inFlight.Count == 0)
            {
                return new DispatchResult(totals, window.Current, canceled, hopeless, overBudget);
            }

            var finished = canceled
                ? await Task.WhenAny(inFlight.Keys)
                : await Task.WhenAny(inFlight.Keys.Append<Task>(cancelRequested));
            if (finished == cancelRequested)
            {
                canceled = true;
                onProgress(totals, RunPhases.Canceling);
                continue;
            }

            var done = (Task<ChunkSummary>)finished;
            var summary = await done;
            var (ticket, sent) = inFlight[done];
            window.Completed(ticket, summary.Counters.Throttled);
            inFlight.Remove(done);
            if (summary.Deferred > 0)
            {
                var stopping = canceled || hopeless is not null || overBudget is not null;
                var again = (stopping ? sent with { ThrottleDeadline = context.CurrentUtcDateTime } : sent) with { Send = sent.Send + 1 };
                inFlight.Add(context.CallActivityAsync<ChunkSummary>(nameof(ProcessChunkActivity), again, ActivityRetry), (window.Dispatched(), again));
                continue;
            }

            totals = totals.Plus(summary);
            var run = before.Plus(totals).All;
            if (hopeless is null && spec.FailureThreshold is { } threshold && threshold.IsExceeded(run.Processed, run.Failed))
            {
                hopeless = string.Create(
                    CultureInfo.InvariantCulture,
                    $"stopped: {run.Failed} of the first {run.Processed} records failed, over the failure threshold of {threshold.Rate:P0} after {threshold.MinRecords} records");
            }

            onProgress(totals, canceled || hopeless is not null || overBudget is not null ? RunPhases.Canceling : RunPhases.Processing);
        }
        #pragma warning restore DURABLE0011
    }

    private static DateTimeOffset ThrottleDeadline(TaskOrchestrationContext context, JobSpec spec, DateTime? runDeadline)
    {
        var deadline = context.CurrentUtcDateTime + spec.ThrottleWait;
        return new DateTimeOffset(runDeadline is { } end && end < deadline ? end : deadline, TimeSpan.Zero);
    }

    /// <summary>
    /// Why one more chunk may not start under the spec's budget, or null. Until a chunk has finished its cost is
    /// unknown, so only one runs; after that each chunk in flight is reckoned at the average so far.
    /// </summary>
    internal static string? BudgetStop(JobSpec spec, ChunkTotals run, int inFlight)
    {
        if (spec.BudgetUsd is not { } budgetUsd)
        {
            return null;
        }

        if (run.Chunks == 0)
        {
            return null;
        }

        var budget = (long)(budgetUsd * 1_000_000m);
        var spent = run.All.CostMicros;
        var perChunk = spent / run.Chunks;
        var projected = spent + ((inFlight + 1) * perChunk);
        return projected <= budget
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"stopped: spent ${spent / 1_000_000m:0.######} of the ${budgetUsd} budget, and the next chunk (about ${perChunk / 1_000_000m:0.######}) would pass it");
    }
}
