namespace FunctionsBatch.Orchestration;

/// <summary>Answers already paid for, by content key (see <see cref="Core.Ledger.ContentKey"/>), per job.</summary>
public interface IRecordLedger
{
    Task<LedgerEntry?> FindAsync(string job, string contentKey, CancellationToken cancellationToken);

    Task SaveAsync(string job, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);
}
