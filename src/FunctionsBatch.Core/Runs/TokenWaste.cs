using System.Globalization;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// Tokens billed for answers the run did not use, by cause. Where no answer arrived to say what it cost, the figure
/// is estimated as Azure charges a call at admission (prompt tokens from the tokenizer plus <c>max_tokens</c>), so a
/// lost answer is counted high rather than not at all. (What a chunk's earlier execution wasted on records whose rows
/// it wrote is not carried into the chunk's final summary: their usage is, their causes are not.)
/// </summary>
/// <param name="Reasked">A first answer that did not match the schema, replaced by its re-ask.</param>
/// <param name="FailedRecords">The answers of records that failed all the same (content filter, invalid after the re-ask).</param>
/// <param name="Unreadable">A 200 whose body was read but held no answer (no <c>choices</c>); its <c>usage</c> counted.</param>
/// <param name="LostInTransit">Estimated: a call sent whose answer never arrived whole (a reset, a cut-off body, a timeout).</param>
/// <param name="Redone">Estimated: calls a chunk executed again after a crash may already have paid for (in flight, or answered but not yet written).</param>
/// <param name="InvalidBatchLines">Batch lines answered, then resubmitted or failed.</param>
public sealed record TokenWaste(
    long Reasked = 0,
    long FailedRecords = 0,
    long Unreadable = 0,
    long LostInTransit = 0,
    long Redone = 0,
    long InvalidBatchLines = 0)
{
    public static TokenWaste None { get; } = new();

    public long Total => Reasked + FailedRecords + Unreadable + LostInTransit + Redone + InvalidBatchLines;

    /// <remarks>Either side may be null: totals kept in orchestration history from before waste had causes have none.</remarks>
    public static TokenWaste operator +(TokenWaste? left, TokenWaste? right)
    {
        left ??= None;
        return right is null ? left : new TokenWaste(
            left.Reasked + right.Reasked,
            left.FailedRecords + right.FailedRecords,
            left.Unreadable + right.Unreadable,
            left.LostInTransit + right.LostInTransit,
            left.Redone + right.Redone,
            left.InvalidBatchLines + right.InvalidBatchLines);
    }

    public TokenWaste Add(TokenWaste? other) => this + other;

    /// <summary>The causes with tokens, largest first, e.g. <c>lost in transit (estimated) 2,310; re-asked 512</c>; empty when there is no waste.</summary>
    public string Describe() =>
        string.Join("; ", new (string Cause, long Tokens)[]
            {
                ("re-asked", Reasked),
                ("failed records", FailedRecords),
                ("unreadable answers", Unreadable),
                ("lost in transit (estimated)", LostInTransit),
                ("redone after a crash (estimated)", Redone),
                ("invalid batch lines", InvalidBatchLines),
            }
            .Where(c => c.Tokens > 0)
            .OrderByDescending(c => c.Tokens)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Cause} {c.Tokens:N0}")));
}
