namespace FunctionsBatch.Core.Runs;

/// <summary>
/// What one way of calling the model (online or batch) did for a run: the source of a cost row per run × model × mode.
/// </summary>
/// <param name="Retries">Calls sent again after a transient failure (online attempts beyond the first; not re-asks).</param>
/// <param name="Waste">Tokens billed for answers that were not used, by cause (see <see cref="TokenWaste"/>).</param>
/// <param name="FailedLines">Batch lines the service answered with an error.</param>
/// <param name="ExpiredLines">Batch lines the service did not answer before the batch expired (or was cut off for the deadline).</param>
/// <param name="ResubmittedLines">Batch lines sent again, online or in a new batch.</param>
/// <param name="CostMicros">As billed: batch price for batch, cached prompt tokens at the cached price; set when the run is priced.</param>
/// <param name="ListCostMicros">At list price with no discount; set when the run is priced.</param>
public sealed record ModeTotals(
    int Records,
    int Succeeded,
    int Failed,
    int LedgerHits,
    int Requests,
    int Retries,
    int Repairs,
    TokenUsage Usage,
    TokenWaste? Waste,
    int FailedLines = 0,
    int ExpiredLines = 0,
    int ResubmittedLines = 0,
    long CostMicros = 0,
    long ListCostMicros = 0)
{
    public static ModeTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0, TokenUsage.Zero, TokenWaste.None);

    public bool IsEmpty => this with { Waste = Waste ?? TokenWaste.None } == None;

    public ModeTotals Plus(ChunkSummary chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new ModeTotals(
            Records + chunk.Records, Succeeded + chunk.Succeeded, Failed + chunk.Failed, LedgerHits + chunk.LedgerHits,
            Requests + chunk.Requests, Retries + chunk.Retries, Repairs + chunk.Repairs, Usage + chunk.Usage, Waste + chunk.Waste,
            FailedLines + chunk.FailedLines, ExpiredLines + chunk.ExpiredLines, ResubmittedLines + chunk.ResubmittedLines,
            CostMicros, ListCostMicros);
    }

    public ModeTotals Plus(ModeTotals? other) => other is null ? this : new ModeTotals(
        Records + other.Records, Succeeded + other.Succeeded, Failed + other.Failed, LedgerHits + other.LedgerHits,
        Requests + other.Requests, Retries + other.Retries, Repairs + other.Repairs, Usage + other.Usage, Waste + other.Waste,
        FailedLines + other.FailedLines, ExpiredLines + other.ExpiredLines, ResubmittedLines + other.ResubmittedLines,
        CostMicros + other.CostMicros, ListCostMicros + other.ListCostMicros);
}
