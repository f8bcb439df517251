using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// A chunk as a <see cref="ProcessChunkActivity"/> calling the model online. A chunk that comes back with records
/// deferred (still rate limited at its time limit) is sent again at once with the same throttle deadline; only its final
/// summary's records count, and the 429s of every send. Once the run stops, a deferred chunk goes again with its
/// deadline now, so what is still throttled fails as <c>rate_limited</c> rather than waiting.
/// </summary>
/// <param name="runDeadline">When the run must be done (its start + the spec's deadline): no record waits out 429s past it.</param>
internal sealed class OnlineChunkLane(string runId, JobSpec spec, DateTime? runDeadline) : IChunkLane
{
    public async Task<ChunkTotals> RunAsync(TaskOrchestrationContext context, int chunkIndex, AdaptiveWindow window, Func<bool> stopping)
    {
        var send = new ChunkRef(runId, chunkIndex, ThrottleDeadline(context));
        var throttledBefore = 0;
        #pragma warning disable DURABLE0011 // bounded by the run's throttle wait and deadline: past them a send defers nothing
        while (true)
        {
            var ticket = window.Dispatched();
            var summary = await context.CallActivityAsync<ChunkSummary>(nameof(ProcessChunkActivity), send, ChunkDispatcher.ActivityRetry);
            window.Completed(ticket, summary.Counters.Throttled);
            if (summary.Deferred == 0)
            {
                return ChunkTotals.None.Plus(summary with { Counters = summary.Counters with { Throttled = summary.Counters.Throttled + throttledBefore } });
            }

            throttledBefore += summary.Counters.Throttled;
            send = (stopping() ? send with { ThrottleDeadline = context.CurrentUtcDateTime } : send) with { Send = send.Send + 1 };
        }
        #pragma warning restore DURABLE0011
    }

    /// <summary>An activity cannot be stopped; a deferred chunk's next send fails what is still throttled instead.</summary>
    public void Cancel(TaskOrchestrationContext context, int chunkIndex)
    {
    }

    private DateTimeOffset ThrottleDeadline(TaskOrchestrationContext context)
    {
        var deadline = context.CurrentUtcDateTime + spec.ThrottleWait;
        return new DateTimeOffset(runDeadline is { } end && end < deadline ? end : deadline, TimeSpan.Zero);
    }
}
