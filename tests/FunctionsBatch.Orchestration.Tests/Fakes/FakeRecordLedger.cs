using System.Collections.Concurrent;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>An in-memory ledger keyed by (job, content key).</summary>
public sealed class FakeRecordLedger : IRecordLedger
{
    private readonly ConcurrentDictionary<(string Job, string Key), LedgerEntry> _entries = new();

    public int Count => _entries.Count;

    public Task<LedgerEntry?> FindAsync(string job, string contentKey, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.GetValueOrDefault((job, contentKey)));

    public Task SaveAsync(string job, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            _entries[(job, entry.ContentKey)] = entry;
        }

        return Task.CompletedTask;
    }
}
