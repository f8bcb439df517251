using System.Globalization;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Throttling;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// The one dispatch loop: a sliding window of chunks, each run by an <see cref="IChunkLane"/> (an activity online, a batch
/// chunk sub-orchestration in batch mode), shared by a run's own orchestration and its chunk group sub-orchestrations. The
/// window adapts to the 429s chunks report; under a budget one chunk runs until a cost is known, and no chunk starts that
/// would pass it; a cancel request (passed on to the chunks in flight) or a failure rate over the spec's threshold stops
/// dispatching, and chunks in flight are always awaited.
/// </summary>
internal static class ChunkDispatcher
{
    public static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <param name="before">What the run finished before this range: the budget and the failure threshold count the whole run.</param>
    /// <param name="onProgress">Called after every finished chunk, with the totals of this range.</param>
    public static async Task<DispatchResult> RunAsync(
        TaskOrchestrationContext context,
        IChunkLane lane,
        JobSpec spec,
        int firstChunk,
        int endChunk,
        AdaptiveWindow window,
        Task<string> cancelRequested,
        ChunkTotals before,
        Action<ChunkTotals, string> onProgress)
    {
        var inFlight = new Dictionary<Task<ChunkTotals>, int>();
        var totals = ChunkTotals.None;
        var nextChunk = firstChunk;
        // IsCompleted is replay-safe: a cancel raised earlier is replayed at the same point every time.
        var canceled = cancelRequested.IsCompleted;
        string? hopeless = null;
        string? overBudget = null;
        bool Stopping() => canceled || hopeless is not null || overBudget is not null;
        onProgress(totals, canceled ? RunPhases.Canceling : RunPhases.Processing);
        #pragma warning disable DURABLE0011 // bounded by the range's chunks: each turn starts chunks or collects one
        while (true)
        {
            var limit = spec.BudgetUsd is not null && before.Plus(totals).Chunks == 0 ? 1 : window.Current;
            while (!Stopping() && nextChunk < endChunk && inFlight.Count < limit)
            {
                if (BudgetStop(spec, before.Plus(totals), inFlight.Count) is { } reason)
                {
                    overBudget = reason;
                    break;
                }

                inFlight.Add(lane.RunAsync(context, nextChunk, window, Stopping), nextChunk++);
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
                foreach (var chunkIndex in inFlight.Values)
                {
                    lane.Cancel(context, chunkIndex);
                }

                onProgress(totals, RunPhases.Canceling);
                continue;
            }

            var done = (Task<ChunkTotals>)finished;
            var chunk = await done;
            inFlight.Remove(done);
            totals = totals.Plus(chunk);
            var run = before.Plus(totals).All;
            if (hopeless is null && spec.FailureThreshold is { } threshold && threshold.IsExceeded(run.Processed, run.Failed))
            {
                hopeless = string.Create(
                    CultureInfo.InvariantCulture,
                    $"stopped: {run.Failed} of the first {run.Processed} records failed, over the failure threshold of {threshold.Rate:P0} after {threshold.MinRecords} records");
            }

            onProgress(totals, Stopping() ? RunPhases.Canceling : RunPhases.Processing);
        }
        #pragma warning restore DURABLE0011
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
