using System.Collections.Concurrent;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>An in-memory ledger keyed by (job, content key).</summary>
public sealed class FakeRecordLedger : IRecordLedger
{
    private readonly ConcurrentDictionary<(string Job, string Key), LedgerEntry> _entries = new();

    public int Count => _entries.Count;

    public Task<IReadOnlyDictionary<string, LedgerEntry>> FindManyAsync(string job, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, LedgerEntry>>(contentKeys
            .Distinct(StringComparer.Ordinal)
            .Where(k => _entries.ContainsKey((job, k)))
            .ToDictionary(k => k, k => _entries[(job, k)], StringComparer.Ordinal));

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
