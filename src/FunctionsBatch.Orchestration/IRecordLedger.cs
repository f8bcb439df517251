namespace FunctionsBatch.Orchestration;

/// <summary>Answers already paid for, by content key (see <see cref="Core.Ledger.ContentKey"/>), per job.</summary>
public interface IRecordLedger
{
    /// <summary>The answers known for any of these keys, by key: one call for a whole chunk.</summary>
    Task<IReadOnlyDictionary<string, LedgerEntry>> FindManyAsync(string job, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken);

    Task SaveAsync(string job, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);
}
