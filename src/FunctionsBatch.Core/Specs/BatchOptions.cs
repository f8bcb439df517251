namespace FunctionsBatch.Core.Specs;

/// <summary>The spec's <c>batch</c> section: how Batch API chunks are polled and what happens to lines that fail or expire.</summary>
/// <param name="Resubmit">Where failed or expired lines go: <see cref="BatchResubmit.Online"/> or <see cref="BatchResubmit.Batch"/>.</param>
/// <param name="MaxResubmits">New batches a chunk may use for its leftovers; what is left after them goes online.</param>
/// <param name="PollInitial">The first wait between status checks; each next wait doubles, up to <paramref name="PollMax"/>.</param>
/// <param name="QuotaWait">How long to wait before trying again when the deployment's enqueued-token quota is full.</param>
/// <param name="ExpectedTurnaround">How long a batch is expected to take; <c>mode: auto</c> picks batch only when it fits the deadline.</param>
/// <param name="OnlineReserve">Time kept before the deadline to finish online what a batch has not answered yet.</param>
public sealed record BatchOptions(
    string Resubmit,
    int MaxResubmits,
    TimeSpan PollInitial,
    TimeSpan PollMax,
    TimeSpan QuotaWait,
    TimeSpan ExpectedTurnaround,
    TimeSpan OnlineReserve)
{
    public const int MaxResubmitsLimit = 10;

    public static BatchOptions Default { get; } = new(
        BatchResubmit.Online, 2, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), TimeSpan.FromHours(1));
}
