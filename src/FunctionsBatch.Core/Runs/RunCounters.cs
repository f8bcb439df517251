using System.Text.Json.Serialization;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// What calling the model did for some records: the one set of counters a chunk summary, a run's progress, its
/// summary and its cost rows carry, added with one <c>+</c>. A new counter is a property here, a line in
/// <see cref="op_Addition"/>, and wherever it is shown.
/// </summary>
public sealed record RunCounters
{
    public static RunCounters None { get; } = new();

    public int Records { get; init; }

    public int Succeeded { get; init; }

    public int Failed { get; init; }

    /// <summary>Records answered from the ledger: work an earlier run already paid for.</summary>
    public int LedgerHits { get; init; }

    /// <summary>Calls sent to the model (online attempts, or batch lines submitted).</summary>
    public int Requests { get; init; }

    /// <summary>Online calls sent again after a transient failure (attempts beyond the first; not re-asks).</summary>
    public int Retries { get; init; }

    /// <summary>429 answers seen.</summary>
    public int Throttled { get; init; }

    /// <summary>Re-asks sent because an output did not match the response schema.</summary>
    public int Repairs { get; init; }

    /// <summary>Records whose answer was cut off at <c>maxOutputTokens</c> (<c>finish_reason: length</c>).</summary>
    public int Truncated { get; init; }

    /// <summary>Records whose server answered without <c>usage</c>: their tokens are the tokenizer's count, not a billed figure.</summary>
    public int EstimatedUsage { get; init; }

    public TokenUsage Usage { get; init; }

    /// <summary>Tokens billed for answers not used, by cause.</summary>
    public TokenWaste Waste { get; init; } = TokenWaste.None;

    /// <summary>Batch lines the service answered with an error.</summary>
    public int FailedLines { get; init; }

    /// <summary>Batch lines the service did not answer before the batch expired (or was cut off for the deadline).</summary>
    public int ExpiredLines { get; init; }

    /// <summary>Batch lines sent again, online or in a new batch.</summary>
    public int ResubmittedLines { get; init; }

    /// <summary>As billed: batch price for batch, cached prompt tokens at the cached price (see <c>PriceTable.Price</c>).</summary>
    public long CostMicros { get; init; }

    /// <summary>The same tokens at list price, with no batch or cache discount.</summary>
    public long ListCostMicros { get; init; }

    [JsonIgnore]
    public int Processed => Succeeded + Failed;

    [JsonIgnore]
    public bool IsEmpty => this == None;

    /// <summary>What result rows say by themselves: records by state, ledger hits, calls and tokens.</summary>
    public static RunCounters Of(IReadOnlyCollection<RecordResult> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new RunCounters
        {
            Records = rows.Count,
            Succeeded = rows.Count(r => r.Status == RecordStatus.Succeeded),
            Failed = rows.Count(r => r.Status == RecordStatus.Failed),
            LedgerHits = rows.Count(r => r.FromLedger),
            Requests = rows.Sum(r => r.Attempts),
            EstimatedUsage = rows.Count(r => r.UsageEstimated),
            Truncated = rows.Count(r => r.Truncated),
            Usage = rows.Aggregate(TokenUsage.Zero, (total, r) => total + r.Usage),
        };
    }

    public static RunCounters operator +(RunCounters left, RunCounters right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new RunCounters
        {
            Records = left.Records + right.Records,
            Succeeded = left.Succeeded + right.Succeeded,
            Failed = left.Failed + right.Failed,
            LedgerHits = left.LedgerHits + right.LedgerHits,
            Requests = left.Requests + right.Requests,
            Retries = left.Retries + right.Retries,
            Throttled = left.Throttled + right.Throttled,
            Repairs = left.Repairs + right.Repairs,
            Truncated = left.Truncated + right.Truncated,
            EstimatedUsage = left.EstimatedUsage + right.EstimatedUsage,
            Usage = left.Usage + right.Usage,
            Waste = left.Waste + right.Waste,
            FailedLines = left.FailedLines + right.FailedLines,
            ExpiredLines = left.ExpiredLines + right.ExpiredLines,
            ResubmittedLines = left.ResubmittedLines + right.ResubmittedLines,
            CostMicros = left.CostMicros + right.CostMicros,
            ListCostMicros = left.ListCostMicros + right.ListCostMicros,
        };
    }

    public RunCounters Add(RunCounters other) => this + other;
}
